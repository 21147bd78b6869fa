import { ActivationEmailData, renderActivationEmail } from './activation.template';
import {
  AdminDisputeCreatedEmailData,
  renderAdminDisputeCreatedEmail,
} from './admin-dispute-created.template';
import {
  AdminInvoicePaymentFailedEmailData,
  renderAdminInvoicePaymentFailedEmail,
} from './admin-invoice-payment-failed.template';
import {
  CheckoutPaymentFailedEmailData,
  renderCheckoutPaymentFailedEmail,
} from './checkout-payment-failed.template';
import {
  InvoicePaymentFailedEmailData,
  renderInvoicePaymentFailedEmail,
} from './invoice-payment-failed.template';
import { PasswordChangedEmailData, renderPasswordChangedEmail } from './password-changed.template';
import { PasswordResetEmailData, renderPasswordResetEmail } from './password-reset.template';
import {
  RefundConfirmationEmailData,
  renderRefundConfirmationEmail,
} from './refund-confirmation.template';
import { RenderedEmail } from './rendered-email';
import { renderWelcomeEmail, WelcomeEmailData } from './welcome.template';

/** Each template and the data it needs. A new email is one more entry here and below. */
export interface EmailTemplates {
  activation: ActivationEmailData;
  welcome: WelcomeEmailData;
  checkout_payment_failed: CheckoutPaymentFailedEmailData;
  password_reset: PasswordResetEmailData;
  password_changed: PasswordChangedEmailData;
  invoice_payment_failed: InvoicePaymentFailedEmailData;
  refund_confirmation: RefundConfirmationEmailData;
  admin_invoice_payment_failed: AdminInvoicePaymentFailedEmailData;
  admin_dispute_created: AdminDisputeCreatedEmailData;
}

export type EmailTemplateName = keyof EmailTemplates;

const RENDERERS: { [Name in EmailTemplateName]: (data: EmailTemplates[Name]) => RenderedEmail } = {
  activation: renderActivationEmail,
  welcome: renderWelcomeEmail,
  checkout_payment_failed: renderCheckoutPaymentFailedEmail,
  password_reset: renderPasswordResetEmail,
  password_changed: renderPasswordChangedEmail,
  invoice_payment_failed: renderInvoicePaymentFailedEmail,
  refund_confirmation: renderRefundConfirmationEmail,
  admin_invoice_payment_failed: renderAdminInvoicePaymentFailedEmail,
  admin_dispute_created: renderAdminDisputeCreatedEmail,
};

export function renderEmail<Name extends EmailTemplateName>(
  template: Name,
  data: EmailTemplates[Name],
): RenderedEmail {
  const render: (data: EmailTemplates[Name]) => RenderedEmail = RENDERERS[template];

  return render(data);
}

/** For names read back from storage, such as an outbox row. */
export function isEmailTemplateName(name: string): name is EmailTemplateName {
  return Object.hasOwn(RENDERERS, name);
}
