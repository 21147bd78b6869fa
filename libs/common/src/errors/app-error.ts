export type AppErrorKind =
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'too_many_requests'
  | 'unavailable';

/** A failure the caller can act on; the message is safe to show to the caller. */
export class AppError extends Error {
  override readonly name: string = 'AppError';

  constructor(
    readonly kind: AppErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export class NotFoundError extends AppError {
  override readonly name = 'NotFoundError';

  constructor(message: string) {
    super('not_found', message);
  }
}

export class ConflictError extends AppError {
  override readonly name = 'ConflictError';

  constructor(message: string) {
    super('conflict', message);
  }
}

export class InvalidRequestError extends AppError {
  override readonly name = 'InvalidRequestError';

  constructor(message: string) {
    super('invalid', message);
  }
}

/** Too many attempts for now; the answer carries `Retry-After`. */
export class TooManyRequestsError extends AppError {
  override readonly name = 'TooManyRequestsError';

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('too_many_requests', message);
  }
}
