import { emailHtml } from './email-layout';
import { escapeHtml } from './html-escape';
import { RenderedEmail } from './rendered-email';
import { formatUtc, singleLine, webLink } from './template-values';

export interface ActivationEmailData {
  gymName: string;
  activationUrl: string;
  expiresAt: Date | string;
}

export function renderActivationEmail(data: ActivationEmailData): RenderedEmail {
  const gymName = singleLine(data.gymName);
  const activationUrl = webLink(data.activationUrl);
  const expiresAt = formatUtc(data.expiresAt);

  const text = [
    `Your payment for ${gymName} went through.`,
    '',
    'Open this link to activate your gym:',
    activationUrl,
    '',
    `The link works until ${expiresAt}.`,
  ].join('\n');

  const html = emailHtml([
    `Your payment for <strong>${escapeHtml(gymName)}</strong> went through.`,
    `<a href="${escapeHtml(activationUrl)}">Activate ${escapeHtml(gymName)}</a>`,
    `The link works until ${escapeHtml(expiresAt)}.`,
  ]);

  return { subject: `Activate ${gymName}`, text, html };
}
