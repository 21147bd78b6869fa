/**
 * Only for errors known to carry no secret in their message: the queue's, and the database's
 * about statements whose values are ids and numbers. Provider errors go through toDeliveryFailure.
 */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
