/**
 * Reads an HTTP Retry-After header, either delay-seconds or an HTTP date, as milliseconds
 * from `now`. Undefined when the header is missing or unreadable.
 */
export function parseRetryAfter(header: unknown, now: Date = new Date()): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (typeof value !== 'string' || value.trim() === '') {
    return undefined;
  }

  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed) * 1000;
  }

  // Every HTTP-date form starts with the day name; Date.parse alone takes '-5' as a year.
  const date = /^[A-Za-z]{3}/.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(date)) {
    return undefined;
  }

  return Math.max(0, date - now.getTime());
}
