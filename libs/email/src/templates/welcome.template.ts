import { emailHtml } from './email-layout';
import { escapeHtml } from './html-escape';
import { RenderedEmail } from './rendered-email';
import { singleLine, webLink } from './template-values';

export interface WelcomeEmailData {
  gymName: string;
  dashboardUrl: string;
}

export function renderWelcomeEmail(data: WelcomeEmailData): RenderedEmail {
  const gymName = singleLine(data.gymName);
  const dashboardUrl = webLink(data.dashboardUrl);

  const text = [`${gymName} is active.`, '', 'Manage it from your dashboard:', dashboardUrl].join(
    '\n',
  );

  const html = emailHtml([
    `<strong>${escapeHtml(gymName)}</strong> is active.`,
    `<a href="${escapeHtml(dashboardUrl)}">Open your dashboard</a>`,
  ]);

  return { subject: `Welcome: ${gymName} is active`, text, html };
}
