import { emailHtml } from './email-layout';
import { escapeHtml } from './html-escape';
import { RenderedEmail } from './rendered-email';
import { formatUtc, singleLine, webLink } from './template-values';

export interface InvoicePaymentFailedEmailData {
  gymName: string;
  /** Already formatted in the invoice's currency, such as `EUR 49.00`. */
  amount: string;
  /** When Stripe tries the card again; null when it will not. */
  nextPaymentAttempt: Date | string | null;
  /** Where the owner puts in another card and pays the invoice. */
  updatePaymentUrl: string;
}

export function renderInvoicePaymentFailedEmail(
  data: InvoicePaymentFailedEmailData,
): RenderedEmail {
  const gymName = singleLine(data.gymName);
  const amount = singleLine(data.amount);
  const updatePaymentUrl = webLink(data.updatePaymentUrl);
  const retry = data.nextPaymentAttempt
    ? `We will try your card again on ${formatUtc(data.nextPaymentAttempt)}.`
    : 'We will not try your card again by ourselves.';

  const text = [
    `The renewal payment of ${amount} for ${gymName} failed, so the gym is now past due.`,
    retry,
    '',
    'Update your card and pay the invoice here:',
    updatePaymentUrl,
  ].join('\n');

  const html = emailHtml([
    `The renewal payment of ${escapeHtml(amount)} for <strong>${escapeHtml(gymName)}</strong> failed, so the gym is now past due.`,
    escapeHtml(retry),
    `<a href="${escapeHtml(updatePaymentUrl)}">Update your card</a>`,
  ]);

  return { subject: `The payment for ${gymName} failed: please update your card`, text, html };
}
