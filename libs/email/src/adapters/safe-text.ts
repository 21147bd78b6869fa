/**
 * A provider's own wording, fit for an EmailDeliveryError message: a string only, on one
 * line, and short, whatever the provider sent back.
 */
export function safeText(value: unknown, maxLength: number): string {
  if (typeof value !== 'string') {
    return '';
  }

  return value
    .replace(/\p{Cc}+/gu, ' ')
    .trim()
    .slice(0, maxLength);
}

/** An error code such as ECONNREFUSED, or nothing when it does not look like one. */
export function safeCode(code: unknown): string | undefined {
  return typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? code : undefined;
}
