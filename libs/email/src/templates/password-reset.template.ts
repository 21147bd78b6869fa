import { emailHtml } from './email-layout';
import { escapeHtml } from './html-escape';
import { RenderedEmail } from './rendered-email';
import { formatUtc, singleLine, webLink } from './template-values';

export interface PasswordResetEmailData {
  name: string;
  /** Carries the reset token: never logged (`resetUrl` is on the redaction list). */
  resetUrl: string;
  expiresAt: Date | string;
}

export function renderPasswordResetEmail(data: PasswordResetEmailData): RenderedEmail {
  const name = singleLine(data.name);
  const resetUrl = webLink(data.resetUrl);
  const expiresAt = formatUtc(data.expiresAt);

  const text = [
    `Hello ${name},`,
    '',
    'Someone asked to reset the password of your gym platform account.',
    'Open this link to choose a new password:',
    resetUrl,
    '',
    `The link works once, until ${expiresAt}.`,
    'If you did not ask for this, ignore this email: your password stays as it is.',
  ].join('\n');

  const html = emailHtml([
    `Hello ${escapeHtml(name)},`,
    'Someone asked to reset the password of your gym platform account.',
    `<a href="${escapeHtml(resetUrl)}">Choose a new password</a>`,
    `The link works once, until ${escapeHtml(expiresAt)}.`,
    'If you did not ask for this, ignore this email: your password stays as it is.',
  ]);

  return { subject: 'Reset your password', text, html };
}
