import { optionalUrl } from '@app/common';
import { EMAIL_ENV } from '@app/email';
import { z } from 'zod';

/** The shared email variables, plus Identity's own queue. */
export const IDENTITY_EMAIL_ENV = {
  AMQP_URL: optionalUrl,
  ...EMAIL_ENV,
  /**
   * Not the Wizard's EMAIL_QUEUE_NAME: one `.env` serves both services, and on one broker each
   * must work only its own emails (a job names a row of its own database).
   */
  IDENTITY_EMAIL_QUEUE_NAME: z
    .string()
    .regex(/^[\w.-]{1,200}$/, 'must be letters, digits, dots, dashes or underscores')
    .default('identity.email'),
};
