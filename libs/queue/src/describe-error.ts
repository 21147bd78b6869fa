/** The message of an error, for a log line; never the whole object (it may carry secrets). */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
