import { EmailRenderer, renderStoredEmail } from './email-renderer';

export interface EmailOutboxModuleOptions {
  /** How often the relay looks for due and stale rows. Default 1000. */
  relayIntervalMs?: number;
  /**
   * How long a queued or sending row belongs to its message or worker before the relay takes it
   * back. Keep it above the provider's send timeout. Default 60 s.
   */
  leaseMs?: number;
  /** Rows claimed by one relay pass. Default 100. */
  batchSize?: number;
  /** Emails one worker sends at once. Default 10. */
  prefetch?: number;
  /** Attempts before an email becomes a dead letter. Default 8. */
  maxAttempts?: number;
  /** First backoff delay, doubled at each attempt. Default 2000. */
  backoffBaseMs?: number;
  /** Longest backoff delay. Default 10 min. */
  backoffCapMs?: number;
  /** Retries of a timed-out send before the backoff takes over. Default 2. */
  timeoutRetries?: number;
  /** Delay of those retries. Default 5000. */
  timeoutRetryDelayMs?: number;
  /** Work queue of the emails. Default `email.send`. */
  queueName?: string;
  /** Whether this process consumes the work queue (the relay always runs). Default true. */
  runWorker?: boolean;
  /** Default: the templates of this library. */
  render?: EmailRenderer;
}

export type ResolvedEmailOutboxOptions = Required<EmailOutboxModuleOptions>;

const DEFAULTS: ResolvedEmailOutboxOptions = {
  relayIntervalMs: 1_000,
  leaseMs: 60_000,
  batchSize: 100,
  prefetch: 10,
  maxAttempts: 8,
  backoffBaseMs: 2_000,
  backoffCapMs: 10 * 60_000,
  timeoutRetries: 2,
  timeoutRetryDelayMs: 5_000,
  queueName: 'email.send',
  runWorker: true,
  render: renderStoredEmail,
};

const POSITIVE_INTEGERS = [
  'relayIntervalMs',
  'leaseMs',
  'batchSize',
  'prefetch',
  'maxAttempts',
  'backoffBaseMs',
  'backoffCapMs',
  'timeoutRetryDelayMs',
] as const;

export class InvalidEmailOutboxOptionsError extends Error {
  override readonly name = 'InvalidEmailOutboxOptionsError';
}

export function resolveEmailOutboxOptions(
  options: EmailOutboxModuleOptions,
): ResolvedEmailOutboxOptions {
  const defined = Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  );
  const resolved: ResolvedEmailOutboxOptions = { ...DEFAULTS, ...defined };

  for (const name of POSITIVE_INTEGERS) {
    if (!Number.isInteger(resolved[name]) || resolved[name] < 1) {
      throw new InvalidEmailOutboxOptionsError(
        `Email outbox option ${name} must be an integer >= 1`,
      );
    }
  }
  if (!Number.isInteger(resolved.timeoutRetries) || resolved.timeoutRetries < 0) {
    throw new InvalidEmailOutboxOptionsError('Email outbox option timeoutRetries must be >= 0');
  }
  if (!resolved.queueName.trim()) {
    throw new InvalidEmailOutboxOptionsError('Email outbox option queueName must not be empty');
  }

  return resolved;
}
