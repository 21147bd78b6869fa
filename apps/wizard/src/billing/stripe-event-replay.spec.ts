import type { IPaymentsService, PaymentEvent } from '@app/payments';
import { PaymentProviderError } from '@app/payments';
import { Logger } from '@nestjs/common';
import type { ConfigService } from '@nestjs/config';
import type { WizardConfig } from '../config/wizard-env';
import type { ProcessingOutcome, StripeEventProcessor } from '../webhooks/stripe-event-processor';
import { StripeEventReplay } from './stripe-event-replay';

const event = (id: string, created: number) =>
  ({ id, created, type: 'invoice.paid' }) as PaymentEvent;

/** Lists the events as Stripe does, newest first. */
function stripeListing(events: PaymentEvent[], failAfter?: number): IPaymentsService {
  return {
    async *listEventsSince() {
      for (const [index, listed] of events.entries()) {
        if (index === failAfter) {
          throw new PaymentProviderError({ kind: 'rate_limited', message: 'Too many requests' });
        }
        yield listed;
      }
    },
  } as unknown as IPaymentsService;
}

class RecordingProcessor {
  readonly seen: string[] = [];

  constructor(private readonly outcomes: Record<string, ProcessingOutcome | Error>) {}

  async process(processed: PaymentEvent): Promise<ProcessingOutcome> {
    this.seen.push(processed.id);
    const outcome = this.outcomes[processed.id] ?? 'processed';
    if (outcome instanceof Error) {
      throw outcome;
    }

    return outcome;
  }
}

const configured = {
  get: () => 'sk_test_replay_spec',
} as unknown as ConfigService<WizardConfig, true>;

describe('StripeEventReplay', () => {
  beforeAll(() => Logger.overrideLogger(false));

  const newestFirst = [event('evt_3', 30), event('evt_2', 20), event('evt_1', 10)];

  it('applies the events oldest first and counts each outcome', async () => {
    const processor = new RecordingProcessor({
      evt_1: 'duplicate',
      evt_2: new Error('the database went away'),
    });
    const replay = new StripeEventReplay(
      stripeListing(newestFirst),
      processor as unknown as StripeEventProcessor,
      configured,
    );

    const summary = await replay.replaySince(new Date('2026-01-01T00:00:00Z'));

    expect(processor.seen).toEqual(['evt_1', 'evt_2', 'evt_3']);
    expect(summary).toEqual({
      since: '2026-01-01T00:00:00.000Z',
      listed: 3,
      processed: 1,
      ignored: 0,
      duplicate: 1,
      failed: 1,
      failures: [{ eventId: 'evt_2', type: 'invoice.paid', reason: 'the database went away' }],
    });
  });

  it('refuses to run without a Stripe key', async () => {
    const unconfigured = { get: () => undefined } as unknown as ConfigService<WizardConfig, true>;
    const replay = new StripeEventReplay(
      stripeListing(newestFirst),
      new RecordingProcessor({}) as unknown as StripeEventProcessor,
      unconfigured,
    );

    await expect(replay.replaySince(new Date())).rejects.toThrow(/set STRIPE_SECRET_KEY/);
  });

  it('applies nothing when Stripe fails part way through the listing', async () => {
    const processor = new RecordingProcessor({});
    const replay = new StripeEventReplay(
      stripeListing(newestFirst, 2),
      processor as unknown as StripeEventProcessor,
      configured,
    );

    await expect(replay.replaySince(new Date())).rejects.toMatchObject({ kind: 'unavailable' });
    expect(processor.seen).toEqual([]);
  });
});
