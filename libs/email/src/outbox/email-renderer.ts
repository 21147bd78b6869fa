import { isEmailTemplateName, renderEmail } from '../templates/email-templates';
import { RenderedEmail } from '../templates/rendered-email';

/** Turns a stored template name and its values into the message; throws when it cannot. */
export type EmailRenderer = (template: string, data: Record<string, unknown>) => RenderedEmail;

export class UnknownEmailTemplateError extends Error {
  override readonly name = 'UnknownEmailTemplateError';

  constructor(template: string) {
    super(`No email template is named "${template}"`);
  }
}

export const renderStoredEmail: EmailRenderer = (template, data) => {
  if (!isEmailTemplateName(template)) {
    throw new UnknownEmailTemplateError(template);
  }

  // The values were checked against the template's type when the email was enqueued.
  return renderEmail(template, data as never);
};
