/** Keys whose values never reach a log line, at any depth; matched without regard to case. */
export const SENSITIVE_KEYS = [
  'authorization',
  'cookie',
  'set-cookie',
  'stripe-signature',
  'password',
  'newPassword',
  'token',
  'accessToken',
  'refreshToken',
  'idToken',
  'apiKey',
  'apiSecret',
  'secret',
  'secretKey',
  'privateKey',
  'webhookSecret',
  'verificationCode',
  'phone',
  'phoneNumber',
  'activationUrl',
  'resetUrl',
  'auth',
  'idempotency-key',
] as const;

const CENSOR = '[REDACTED]';
const SENSITIVE = new Set<string>(SENSITIVE_KEYS.map((key) => key.toLowerCase()));
const MENTIONS_A_SENSITIVE_KEY = new RegExp(`"(?:${SENSITIVE_KEYS.join('|')})"\\s*:`, 'i');

/**
 * Replaces the value of every sensitive key, at any depth, in a serialized log line. It works on
 * the finished line, after every serializer, and only lines that name such a key are parsed:
 * pino's own path-based redaction cost about 30 µs per request for a child logger alone.
 */
export function redactLine(line: string): string {
  if (!MENTIONS_A_SENSITIVE_KEY.test(line)) {
    return line;
  }

  try {
    const redacted = JSON.stringify(JSON.parse(line, censorSensitive));

    return line.endsWith('\n') ? `${redacted}\n` : redacted;
  } catch {
    // Pino writes JSON; anything else is dropped rather than printed unredacted.
    return `${JSON.stringify({ level: 50, msg: 'A log line could not be redacted; dropped' })}\n`;
  }
}

// A path's query ("/activate?token=…"): links carry their tokens there.
const QUERY_OF_A_PATH = /(\/[^\s?#"']*)\?[^\s"']*/g;

/** For messages that quote a URL (Nest's "Cannot GET /x?y", SDK errors): the path stays. */
export function withoutQueryStrings(text: string): string {
  return text.replace(QUERY_OF_A_PATH, '$1');
}

function censorSensitive(key: string, value: unknown): unknown {
  return SENSITIVE.has(key.toLowerCase()) ? CENSOR : value;
}
