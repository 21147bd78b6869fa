export class QueueClosedError extends Error {
  override readonly name = 'QueueClosedError';

  constructor() {
    super('The job queue is closed');
  }
}

/** The job was not confirmed as held: the caller keeps it (outbox row) and tries again later. */
export class JobPublishError extends Error {
  override readonly name = 'JobPublishError';

  constructor(
    readonly queue: string,
    readonly jobId: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Job ${jobId} was not published to ${queue}: ${reason}`, options);
  }
}

/** A programming or configuration mistake: a bad queue definition, prefetch or option. */
export class InvalidQueueConfigError extends Error {
  override readonly name = 'InvalidQueueConfigError';
}

/** No broker connection came up in time. */
export class QueueUnavailableError extends Error {
  override readonly name = 'QueueUnavailableError';

  constructor(waitedMs: number) {
    super(`No connection to the message broker within ${waitedMs} ms`);
  }
}
