import { emailHtml } from './email-layout';
import { escapeHtml } from './html-escape';
import { RenderedEmail } from './rendered-email';
import { formatUtc, singleLine } from './template-values';

export interface AdminDisputeCreatedEmailData {
  disputeId: string;
  chargeId: string;
  /** Already formatted in the dispute's currency. */
  amount: string;
  reason: string;
  evidenceDueBy: Date | string | null;
  /** Null when no payment of ours matches the charge. */
  gymName: string | null;
  gymId: string | null;
  paymentId: string | null;
}

export function renderAdminDisputeCreatedEmail(data: AdminDisputeCreatedEmailData): RenderedEmail {
  const gymName = data.gymName === null ? null : singleLine(data.gymName);
  const facts = [
    `Dispute: ${data.disputeId} (${data.reason}), ${data.amount}`,
    `Charge: ${data.chargeId}`,
    gymName
      ? `Gym: ${gymName} (${data.gymId}), payment ${data.paymentId}`
      : 'Gym: no payment of ours matches this charge',
    `Evidence due: ${data.evidenceDueBy ? formatUtc(data.evidenceDueBy) : 'not given'}`,
  ];

  const text = [
    'A card holder disputed a payment. The payment is flagged and cannot be refunded; answer the dispute in the Stripe Dashboard.',
    '',
    ...facts,
  ].join('\n');

  const html = emailHtml([
    'A card holder disputed a payment. The payment is flagged and cannot be refunded; answer the dispute in the Stripe Dashboard.',
    facts.map((fact) => escapeHtml(fact)).join('<br>'),
  ]);

  const subject = gymName
    ? `[Admin] Dispute of ${data.amount} for ${gymName}`
    : `[Admin] Dispute of ${data.amount}`;

  return { subject, text, html };
}
