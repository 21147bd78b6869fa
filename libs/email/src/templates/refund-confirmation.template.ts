import { emailHtml } from './email-layout';
import { escapeHtml } from './html-escape';
import { RenderedEmail } from './rendered-email';
import { singleLine } from './template-values';

export interface RefundConfirmationEmailData {
  gymName: string;
  /** Already formatted in the payment's currency, such as `EUR 49.00`. */
  amount: string;
  /** Whether nothing of the payment is left to refund now. */
  fullyRefunded: boolean;
}

export function renderRefundConfirmationEmail(data: RefundConfirmationEmailData): RenderedEmail {
  const gymName = singleLine(data.gymName);
  const amount = singleLine(data.amount);
  const scope = data.fullyRefunded
    ? 'The payment is now refunded in full.'
    : 'This is a partial refund.';

  const text = [
    `We refunded ${amount} of a payment for ${gymName}.`,
    scope,
    '',
    'It goes back to the card or account that paid; depending on the bank it shows there within 5 to 10 business days.',
  ].join('\n');

  const html = emailHtml([
    `We refunded ${escapeHtml(amount)} of a payment for <strong>${escapeHtml(gymName)}</strong>.`,
    escapeHtml(scope),
    'It goes back to the card or account that paid; depending on the bank it shows there within 5 to 10 business days.',
  ]);

  return { subject: `Refund of ${amount} for ${gymName}`, text, html };
}
