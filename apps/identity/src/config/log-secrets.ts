import { IdentityConfig } from './identity-env';

/**
 * Every form in which the signing key or the database password could reach a log line:
 * as given, as PEM, JSON-escaped, and each base64 line of the PEM body.
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
    ...databasePassword(config.DATABASE_URL),
  ];
}

function databasePassword(url: string | undefined): string[] {
  const password = url ? decodeURIComponent(new URL(url).password) : '';

  return password ? [password] : [];
}
