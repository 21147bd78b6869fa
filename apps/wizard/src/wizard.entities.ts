import { EmailOutboxEntry } from '@app/email';
import { ActivationToken } from './activation/activation-token.entity';
import { Gym } from './gyms/gym.entity';
import { License } from './licenses/license.entity';
import { Payment } from './payments/payment.entity';
import { StripeEvent } from './webhooks/stripe-event.entity';

export const WIZARD_ENTITIES = [
  Gym,
  Payment,
  License,
  ActivationToken,
  StripeEvent,
  EmailOutboxEntry,
];
