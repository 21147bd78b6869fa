import { emailHtml } from './email-layout';
import { escapeHtml } from './html-escape';
import { RenderedEmail } from './rendered-email';
import { formatUtc, singleLine } from './template-values';

export interface PasswordChangedEmailData {
  name: string;
  changedAt: Date | string;
}

/** The notice after a password change; it holds no link, so it cannot be used to phish. */
export function renderPasswordChangedEmail(data: PasswordChangedEmailData): RenderedEmail {
  const name = singleLine(data.name);
  const changedAt = formatUtc(data.changedAt);

  const text = [
    `Hello ${name},`,
    '',
    `The password of your gym platform account was changed on ${changedAt}.`,
    'Every device that was signed in has been signed out.',
    '',
    'If you did not do this, reset your password from the sign-in page right away',
    'and tell our support team.',
  ].join('\n');

  const html = emailHtml([
    `Hello ${escapeHtml(name)},`,
    `The password of your gym platform account was changed on ${escapeHtml(changedAt)}.`,
    'Every device that was signed in has been signed out.',
    'If you did not do this, reset your password from the sign-in page right away and tell our support team.',
  ]);

  return { subject: 'Your password was changed', text, html };
}
