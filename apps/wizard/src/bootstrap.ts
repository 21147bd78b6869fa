import { createServiceApp, type ServiceEnv, type ServiceRuntime } from '@app/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { STRIPE_WEBHOOK_PATH } from './webhooks/stripe-webhook.controller';
import { WizardModule } from './wizard.module';

export function createWizardApp(
  env: ServiceEnv = process.env,
  runtime: ServiceRuntime = {},
): Promise<NestFastifyApplication> {
  return createServiceApp(WizardModule.register(env, runtime), {
    publicPrefix: 'wizard',
    title: 'Wizard',
    description: 'Gym onboarding, plans, Stripe checkout and webhooks, licensing, activation.',
    rawBodyPaths: [STRIPE_WEBHOOK_PATH],
  });
}
