import { emailHtml } from './email-layout';
import { escapeHtml } from './html-escape';
import { RenderedEmail } from './rendered-email';
import { singleLine, webLink } from './template-values';

export interface CheckoutPaymentFailedEmailData {
  gymName: string;
  /** Where the owner starts a new checkout. */
  checkoutUrl: string;
}

export function renderCheckoutPaymentFailedEmail(
  data: CheckoutPaymentFailedEmailData,
): RenderedEmail {
  const gymName = singleLine(data.gymName);
  const checkoutUrl = webLink(data.checkoutUrl);

  const text = [
    `The payment for ${gymName} did not go through, so the gym is not active yet.`,
    '',
    'You can pay again, with the same or another method, here:',
    checkoutUrl,
  ].join('\n');

  const html = emailHtml([
    `The payment for <strong>${escapeHtml(gymName)}</strong> did not go through, so the gym is not active yet.`,
    `<a href="${escapeHtml(checkoutUrl)}">Pay again</a>`,
  ]);

  return { subject: `Your payment for ${gymName} failed`, text, html };
}
