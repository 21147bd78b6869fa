import { IdentityConfig } from './identity-env';

/**
 * Every form in which the signing key could reach a log line (as given, as PEM, JSON-escaped,
 * each base64 line of the PEM body), the passwords in the database, broker and SMTP URLs, and
 * the Mailjet key and secret.
 */
export function secretsToMask(
  rawEnv: Record<string, unknown>,
  config: IdentityConfig,
  signingKeyPem: string,
): string[] {
  const given = typeof rawEnv.JWT_PRIVATE_KEY === 'string' ? [rawEnv.JWT_PRIVATE_KEY] : [];
  const pemBodyLines = signingKeyPem
    .split('\n')
    .filter((line) => line && !line.startsWith('-----'));

  return [
    ...given,
    signingKeyPem,
    JSON.stringify(signingKeyPem).slice(1, -1),
    ...pemBodyLines,
    ...urlPassword(config.DATABASE_URL),
    ...urlPassword(config.AMQP_URL),
    ...urlPassword(config.SMTP_URL),
    ...[config.MAILJET_API_KEY, config.MAILJET_API_SECRET].filter((value) => value !== undefined),
    // SMS 2FA: the Twilio auth token, and the key that stored codes are hashed with.
    ...[config.TWILIO_AUTH_TOKEN, config.TWO_FACTOR_CODE_SECRET].filter(
      (value) => value !== undefined,
    ),
  ];
}

function urlPassword(url: string | undefined): string[] {
  const password = url ? decodeURIComponent(new URL(url).password) : '';

  return password ? [password] : [];
}
