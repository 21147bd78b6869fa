import { EmailOutbox, type EmailTemplateName, type EmailTemplates } from '@app/email';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EntityManager } from 'typeorm';
import type { WizardConfig } from '../config/wizard-env';

/** What platform admins hear about, at PLATFORM_ADMIN_EMAILS, through the outbox. */
@Injectable()
export class PlatformAdminAlerts {
  private readonly logger = new Logger(PlatformAdminAlerts.name);
  private readonly recipients: string[];

  constructor(
    private readonly outbox: EmailOutbox,
    config: ConfigService<WizardConfig, true>,
  ) {
    this.recipients = config.get('PLATFORM_ADMIN_EMAILS', { infer: true });
  }

  invoicePaymentFailed(
    manager: EntityManager,
    key: string,
    data: EmailTemplates['admin_invoice_payment_failed'],
  ): Promise<void> {
    return this.send(manager, 'admin_invoice_payment_failed', key, data, data.gymId);
  }

  disputeCreated(
    manager: EntityManager,
    data: EmailTemplates['admin_dispute_created'],
  ): Promise<void> {
    return this.send(manager, 'admin_dispute_created', data.disputeId, data, data.gymId);
  }

  private async send<Name extends EmailTemplateName>(
    manager: EntityManager,
    template: Name,
    key: string,
    data: EmailTemplates[Name],
    gymId: string | null,
  ): Promise<void> {
    if (this.recipients.length === 0) {
      this.logger.warn({ template, key }, 'PLATFORM_ADMIN_EMAILS is empty: no admin was told');

      return;
    }

    for (const to of this.recipients) {
      await this.outbox.enqueue(manager, {
        template,
        to,
        gymId,
        idempotencyKey: `${template}:${key}:${to}`,
        data,
      });
    }
  }
}
