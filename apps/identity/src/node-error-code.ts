/**
 * The `code` of an error thrown by Node (ENOENT, ERR_PARSE_ARGS_...). Read without
 * `instanceof Error`, which fails for errors made in another realm (as under Jest).
 */
export function nodeErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) {
    return undefined;
  }

  return typeof error.code === 'string' ? error.code : undefined;
}
