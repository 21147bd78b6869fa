import type { PaymentEvent } from '@app/payments';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ignored, STRIPE_EVENT_HANDLERS, type StripeEventHandler } from './stripe-event-handler';
import { StripeEventLedger } from './stripe-event-ledger';

export type ProcessingOutcome = 'processed' | 'ignored' | 'duplicate';

/** Records and applies one verified event in a single transaction: all of it or none. */
@Injectable()
export class StripeEventProcessor {
  private readonly logger = new Logger(StripeEventProcessor.name);
  private readonly handlers = new Map<string, StripeEventHandler>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: StripeEventLedger,
    @Inject(STRIPE_EVENT_HANDLERS) handlers: StripeEventHandler[],
  ) {
    for (const handler of handlers) {
      for (const type of handler.eventTypes) {
        this.handlers.set(type, handler);
      }
    }
  }

  async process(event: PaymentEvent): Promise<ProcessingOutcome> {
    const context = { eventId: event.id, type: event.type };

    try {
      const outcome = await this.dataSource.transaction(async (manager) => {
        if (!(await this.ledger.claim(manager, event))) {
          return 'duplicate';
        }

        const handler = this.handlers.get(event.type);
        const result = handler
          ? await handler.handle(event, manager)
          : ignored(`${event.type} is not handled`);
        await this.ledger.finish(manager, event.id, result);

        return result.outcome;
      });
      this.logger.log({ ...context, outcome }, 'Stripe event handled');

      return outcome;
    } catch (error) {
      const detail = (error as Error).message;
      this.logger.error({ ...context, reason: detail }, 'Stripe event failed; Stripe will retry');
      await this.ledger.recordFailure(event, detail).catch((recordError: unknown) => {
        this.logger.error(
          { ...context, reason: (recordError as Error).message },
          'Could not record the failure',
        );
      });
      throw error;
    }
  }
}
