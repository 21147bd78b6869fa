import {
  AuthModule,
  createLoggingModule,
  HealthModule,
  MetricsModule,
  type ServiceEnv,
  type ServiceRuntime,
} from '@app/common';
import { DatabaseModule } from '@app/database';
import { EmailModule, EmailOutboxModule } from '@app/email';
import { PaymentsModule } from '@app/payments';
import { QueueModule } from '@app/queue';
import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivationController } from './activation/activation.controller';
import { ActivationLinks } from './activation/activation-links';
import { ActivationService } from './activation/activation.service';
import { ActivationTokens } from './activation/activation-tokens';
import { IdentitySessionModule } from './auth/identity-session.module';
import { AdminEmailsController } from './admin/admin-emails.controller';
import { PlatformAdminGuard } from './admin/platform-admin.guard';
import {
  BILLING_CONTROLLERS,
  BILLING_EVENT_HANDLERS,
  BILLING_PROVIDERS,
} from './billing/billing.providers';
import { validateWizardEnv, type WizardConfig } from './config/wizard-env';
import { EmailMetricsCollector } from './emails/email-metrics.collector';
import { GymEmails } from './emails/gym-emails';
import { GymsController } from './gyms/gyms.controller';
import { GymsService } from './gyms/gyms.service';
import { IdentitySyncModule } from './identity-sync/identity-sync.module';
import { LicenseIssuer } from './licenses/license-issuer';
import { WIZARD_MIGRATIONS } from './migrations';
import { CheckoutFulfillment } from './payments/checkout-fulfillment';
import { CheckoutService } from './payments/checkout.service';
import { GymPaymentsController } from './payments/gym-payments.controller';
import { GymPaymentsService } from './payments/gym-payments.service';
import { PlanCatalog } from './plans/plan-catalog';
import { PlansController } from './plans/plans.controller';
import { CheckoutSessionHandler } from './webhooks/handlers/checkout-session.handler';
import { STRIPE_EVENT_HANDLERS } from './webhooks/stripe-event-handler';
import { StripeEventLedger } from './webhooks/stripe-event-ledger';
import { StripeEventProcessor } from './webhooks/stripe-event-processor';
import { StripeWebhookController } from './webhooks/stripe-webhook.controller';
import { StripeWebhookService } from './webhooks/stripe-webhook.service';
import { WebhookMetrics } from './webhooks/webhook-metrics';
import { WIZARD_ENTITIES } from './wizard.entities';
import {
  emailOptions,
  outboxOptions,
  paymentsOptions,
  queueOptions,
  authOptions,
} from './wizard.options';

@Module({})
export class WizardModule {
  /** The environment is validated here, once; a bad value stops the start. */
  static register(env: ServiceEnv = process.env, runtime: ServiceRuntime = {}): DynamicModule {
    const config: WizardConfig = validateWizardEnv(env);

    return {
      module: WizardModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          validatePredefined: false,
          skipProcessEnv: true,
          load: [() => config],
        }),
        createLoggingModule({
          service: 'wizard',
          level: config.LOG_LEVEL,
          destination: runtime.logDestination,
          secrets: [
            config.STRIPE_SECRET_KEY,
            ...(config.STRIPE_WEBHOOK_SECRET ?? []),
            config.MAILJET_API_KEY,
            config.MAILJET_API_SECRET,
            config.INTERNAL_API_TOKEN,
          ],
        }),
        DatabaseModule.forRootAsync({
          useFactory: () => ({
            url: config.DATABASE_URL,
            poolSize: config.DATABASE_POOL_SIZE,
            embedded: {
              dataDir: config.EMBEDDED_DB_DIR,
              port: config.EMBEDDED_DB_PORT,
              database: 'wizard',
            },
            entities: WIZARD_ENTITIES,
            migrations: WIZARD_MIGRATIONS,
          }),
        }),
        TypeOrmModule.forFeature(WIZARD_ENTITIES),
        QueueModule.forRoot({ ...queueOptions(config), isGlobal: true }),
        EmailModule.forRoot({ ...emailOptions(config), isGlobal: true }),
        EmailOutboxModule.forRoot(outboxOptions(config)),
        PaymentsModule.forRoot(paymentsOptions(config)),
        AuthModule.forRoot(authOptions(config)),
        HealthModule,
        IdentitySyncModule,
        MetricsModule,
        IdentitySessionModule,
      ],
      // Express tries routes in this order; Stripe's deliveries are the busiest, so they go first.
      controllers: [
        StripeWebhookController,
        PlansController,
        GymsController,
        GymPaymentsController,
        ActivationController,
        AdminEmailsController,
        ...BILLING_CONTROLLERS,
      ],
      providers: [
        PlanCatalog,
        GymsService,
        CheckoutService,
        GymPaymentsService,
        CheckoutFulfillment,
        LicenseIssuer,
        ActivationTokens,
        ActivationService,
        ActivationLinks,
        GymEmails,
        StripeEventLedger,
        StripeEventProcessor,
        StripeWebhookService,
        WebhookMetrics,
        EmailMetricsCollector,
        PlatformAdminGuard,
        CheckoutSessionHandler,
        ...BILLING_PROVIDERS,
        {
          provide: STRIPE_EVENT_HANDLERS,
          useFactory: (...handlers: unknown[]) => handlers,
          inject: [CheckoutSessionHandler, ...BILLING_EVENT_HANDLERS],
        },
      ],
    };
  }
}
