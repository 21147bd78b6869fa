import { ActivationEmailData, renderActivationEmail } from './activation.template';
import {
  CheckoutPaymentFailedEmailData,
  renderCheckoutPaymentFailedEmail,
} from './checkout-payment-failed.template';
import { RenderedEmail } from './rendered-email';
import { renderWelcomeEmail, WelcomeEmailData } from './welcome.template';

/** Each template and the data it needs. A new email is one more entry here and below. */
export interface EmailTemplates {
  activation: ActivationEmailData;
  welcome: WelcomeEmailData;
  checkout_payment_failed: CheckoutPaymentFailedEmailData;
}

export type EmailTemplateName = keyof EmailTemplates;

const RENDERERS: { [Name in EmailTemplateName]: (data: EmailTemplates[Name]) => RenderedEmail } = {
  activation: renderActivationEmail,
  welcome: renderWelcomeEmail,
  checkout_payment_failed: renderCheckoutPaymentFailedEmail,
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
