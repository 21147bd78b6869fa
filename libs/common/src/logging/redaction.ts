/** Keys whose values never reach a log line, wherever they sit in the logged object. */
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
] as const;

const DEPTHS = ['', '*.', '*.*.', '*.*.*.'];

/** Pino redact paths: every sensitive key at the top and a few levels down. */
export const REDACT_PATHS: string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["stripe-signature"]',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  ...DEPTHS.flatMap((prefix) => SENSITIVE_KEYS.map((key) => `${prefix}${quote(key)}`)),
];

function quote(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
}
