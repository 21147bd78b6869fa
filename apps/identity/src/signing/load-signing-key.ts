import { resolve } from 'node:path';
import { ConfigValidationError } from '@app/common';
import { IdentityConfig } from '../config/identity-env';
import { parseSigningKeyPem } from '../config/signing-key-pem';
import { readOrCreateKeyFile } from './key-file';
import { SigningKey } from './signing-key';
import { SigningKeys } from './signing-keys';

export interface LoadedSigningKeys {
  keys: SigningKeys;
  /** The signing key's PEM, kept only so the logger can mask it. */
  pem: string;
}

/**
 * Signs with JWT_PRIVATE_KEY when set (always in production), else with the local key file;
 * JWT_PREVIOUS_PUBLIC_KEYS are served and trusted beside it.
 */
export async function loadSigningKeys(config: IdentityConfig): Promise<LoadedSigningKeys> {
  const { key, pem } = await loadSigningKey(config);
  const keys = await SigningKeys.of(key, config.JWT_PREVIOUS_PUBLIC_KEYS ?? []);

  return { keys, pem };
}

async function loadSigningKey(config: IdentityConfig): Promise<{ key: SigningKey; pem: string }> {
  if (config.JWT_PRIVATE_KEY) {
    const pem = config.JWT_PRIVATE_KEY;

    return { pem, key: await SigningKey.fromPem(pem, 'JWT_PRIVATE_KEY') };
  }

  const path = resolve(config.JWT_KEY_FILE);
  const file = await readOrCreateKeyFile(path);

  const pem = parseSigningKeyPem(file.pem);
  if (!pem) {
    throw new ConfigValidationError(
      `Invalid configuration:\n  JWT_KEY_FILE: ${path} does not hold an EC P-256 private key`,
    );
  }

  const origin = file.created ? `new key file ${path}` : `key file ${path}`;

  return { pem, key: await SigningKey.fromPem(pem, origin) };
}
