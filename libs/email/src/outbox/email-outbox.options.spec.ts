import { InvalidEmailOutboxOptionsError, resolveEmailOutboxOptions } from './email-outbox.options';
import { renderStoredEmail } from './email-renderer';

describe('resolveEmailOutboxOptions', () => {
  it('fills in the documented defaults', () => {
    expect(resolveEmailOutboxOptions({ batchSize: undefined })).toEqual({
      relayIntervalMs: 1_000,
      leaseMs: 60_000,
      batchSize: 100,
      prefetch: 10,
      maxAttempts: 8,
      backoffBaseMs: 2_000,
      backoffCapMs: 600_000,
      timeoutRetries: 2,
      timeoutRetryDelayMs: 5_000,
      queueName: 'email.send',
      runWorker: true,
      render: renderStoredEmail,
    });
  });

  it('names the option that is wrong', () => {
    expect(() => resolveEmailOutboxOptions({ leaseMs: 0 })).toThrow(
      new InvalidEmailOutboxOptionsError('Email outbox option leaseMs must be an integer >= 1'),
    );
    expect(() => resolveEmailOutboxOptions({ timeoutRetries: -1 })).toThrow(/timeoutRetries/);
    expect(() => resolveEmailOutboxOptions({ queueName: ' ' })).toThrow(/queueName/);
    expect(resolveEmailOutboxOptions({ timeoutRetries: 0 }).timeoutRetries).toBe(0);
  });
});
