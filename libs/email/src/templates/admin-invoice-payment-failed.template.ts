import { emailHtml } from './email-layout';
import { escapeHtml } from './html-escape';
import { RenderedEmail } from './rendered-email';
import { formatUtc, singleLine } from './template-values';

export interface AdminInvoicePaymentFailedEmailData {
  gymName: string;
  gymId: string;
  ownerEmail: string;
  invoiceId: string;
  /** Already formatted in the invoice's currency. */
  amount: string;
  attemptCount: number;
  nextPaymentAttempt: Date | string | null;
}

export function renderAdminInvoicePaymentFailedEmail(
  data: AdminInvoicePaymentFailedEmailData,
): RenderedEmail {
  const gymName = singleLine(data.gymName);
  const facts = [
    `Gym: ${gymName} (${data.gymId})`,
    `Owner: ${data.ownerEmail}`,
    `Invoice: ${data.invoiceId}, ${data.amount}, attempt ${data.attemptCount}`,
    `Next attempt: ${data.nextPaymentAttempt ? formatUtc(data.nextPaymentAttempt) : 'none; Stripe stops trying'}`,
  ];

  const text = [
    'A renewal payment failed; the gym is past due and its owner was told.',
    '',
    ...facts,
  ].join('\n');

  const html = emailHtml([
    'A renewal payment failed; the gym is past due and its owner was told.',
    facts.map((fact) => escapeHtml(fact)).join('<br>'),
  ]);

  return { subject: `[Admin] Renewal payment failed for ${gymName}`, text, html };
}
