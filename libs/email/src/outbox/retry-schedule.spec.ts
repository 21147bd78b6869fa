import { resolveEmailOutboxOptions } from './email-outbox.options';
import { backoffCeilingMs, backoffDelayMs, emailQueueDefinition } from './retry-schedule';

describe('the email retry schedule', () => {
  const options = resolveEmailOutboxOptions({});

  it('doubles from the base up to the cap', () => {
    const ceilings = [1, 2, 3, 4, 9, 10, 30].map((attempts) => backoffCeilingMs(attempts, options));

    expect(ceilings).toEqual([2_000, 4_000, 8_000, 16_000, 512_000, 600_000, 600_000]);
  });

  it('takes off at most a fifth as jitter', () => {
    expect(backoffDelayMs(3, undefined, options, () => 0)).toBe(8_000);
    expect(backoffDelayMs(3, undefined, options, () => 0.999999)).toBe(6_400);
  });

  it('waits at least as long as the provider asked', () => {
    expect(backoffDelayMs(1, 30_000, options, () => 0.5)).toBe(30_000);
    expect(backoffDelayMs(1, 10, options, () => 0)).toBe(2_000);
  });

  it('declares one retry queue per delay the worker can ask for', () => {
    expect(emailQueueDefinition(options)).toEqual({
      name: 'email.send',
      retryDelaysMs: [2_000, 4_000, 5_000, 8_000, 16_000, 32_000, 64_000, 128_000],
    });
    expect(emailQueueDefinition({ ...options, maxAttempts: 1 }).retryDelaysMs).toEqual([5_000]);
  });
});
