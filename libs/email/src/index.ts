export * from './email.interface';
export * from './email-delivery.error';
export { EmailModule } from './email.module';
export type {
  EmailModuleOptions,
  EmailProviderName,
  EmailSender,
  MailjetModuleOptions,
  SmtpModuleOptions,
} from './email.options';
export { EMAIL_PROVIDERS } from './email.options';

export type { EmailHealth, EmailHealthCheck } from './adapters/email-health';
export { hasEmailHealthCheck } from './adapters/email-health';

export { renderEmail, isEmailTemplateName } from './templates/email-templates';
export type { EmailTemplateName, EmailTemplates } from './templates/email-templates';
export type { RenderedEmail } from './templates/rendered-email';
export type { ActivationEmailData } from './templates/activation.template';
export type { WelcomeEmailData } from './templates/welcome.template';
export type { CheckoutPaymentFailedEmailData } from './templates/checkout-payment-failed.template';
export type { PasswordResetEmailData } from './templates/password-reset.template';
export type { PasswordChangedEmailData } from './templates/password-changed.template';
export type { InvoicePaymentFailedEmailData } from './templates/invoice-payment-failed.template';
export type { RefundConfirmationEmailData } from './templates/refund-confirmation.template';
export type { AdminInvoicePaymentFailedEmailData } from './templates/admin-invoice-payment-failed.template';
export type { AdminDisputeCreatedEmailData } from './templates/admin-dispute-created.template';

// Test fakes: they use Node built-ins only, so production imports stay free of dev packages.
export { RecordingEmailService } from './testing/recording-email.service';

export * from './outbox';
export * from './email-env';
