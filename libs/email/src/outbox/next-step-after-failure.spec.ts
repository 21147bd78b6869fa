import { EmailDeliveryError } from '../email-delivery.error';
import { toDeliveryFailure } from './delivery-failure';
import { resolveEmailOutboxOptions } from './email-outbox.options';
import { nextStepAfterFailure } from './next-step-after-failure';

describe('nextStepAfterFailure', () => {
  const options = resolveEmailOutboxOptions({});
  const noJitter = () => 0;
  const failure = (kind: EmailDeliveryError['kind'], retryAfterMs?: number) =>
    toDeliveryFailure(new EmailDeliveryError(kind, `a ${kind} failure`, retryAfterMs));

  it('never retries a permanent failure, not even on the first attempt', () => {
    const step = nextStepAfterFailure(
      failure('permanent'),
      { attempts: 1, timeoutRetries: 0 },
      options,
    );

    expect(step).toEqual({ step: 'fail' });
  });

  it('retries a timeout twice after 5 s, then backs off like any other failure', () => {
    const steps = [0, 1, 2].map((timeoutRetries) =>
      nextStepAfterFailure(
        failure('timeout'),
        { attempts: timeoutRetries + 1, timeoutRetries },
        options,
        noJitter,
      ),
    );

    expect(steps).toEqual([
      { step: 'retry', delayMs: 5_000, countsAsTimeoutRetry: true },
      { step: 'retry', delayMs: 5_000, countsAsTimeoutRetry: true },
      { step: 'retry', delayMs: 8_000, countsAsTimeoutRetry: false },
    ]);
  });

  it('backs off a rate limit for at least its Retry-After', () => {
    const step = nextStepAfterFailure(
      failure('rate_limited', 45_000),
      { attempts: 2, timeoutRetries: 0 },
      options,
      noJitter,
    );

    expect(step).toEqual({ step: 'retry', delayMs: 45_000, countsAsTimeoutRetry: false });
  });

  it('makes a dead letter of the last attempt', () => {
    const attempts = { attempts: options.maxAttempts, timeoutRetries: 0 };

    expect(nextStepAfterFailure(failure('unavailable'), attempts, options)).toEqual({
      step: 'dead',
    });
    expect(nextStepAfterFailure(failure('timeout'), attempts, options)).toEqual({ step: 'dead' });
  });

  it('takes an error it does not know for an unavailable provider, and keeps only its class', () => {
    const unknown = toDeliveryFailure(new RangeError('key=sk_live_secret'));

    expect(unknown).toEqual({
      kind: 'unavailable',
      message: 'Unexpected RangeError from the email provider',
    });
    expect(toDeliveryFailure('boom').message).toBe('Unexpected string from the email provider');
  });
});
