import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { nodeErrorCode } from '../node-error-code';

export interface KeyFile {
  pem: string;
  created: boolean;
}

/**
 * Reads the signing key kept on local disk, or creates it once (mode 0600). Copies that
 * start together agree on one file: the new key is linked into place only if none exists.
 */
export async function readOrCreateKeyFile(path: string): Promise<KeyFile> {
  const existing = await readIfExists(path);
  if (existing !== undefined) {
    return { pem: existing, created: false };
  }

  // The file alone is private: a 0700 parent would also lock the embedded database out of .data.
  await mkdir(dirname(path), { recursive: true });
  const pem = generateP256Pem();
  const draft = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(draft, pem, { mode: 0o600, flag: 'wx' });

  try {
    await link(draft, path);

    return { pem, created: true };
  } catch (error: unknown) {
    if (nodeErrorCode(error) !== 'EEXIST') {
      throw error;
    }

    return { pem: await readFile(path, 'utf8'), created: false };
  } finally {
    await unlink(draft);
  }
}

function generateP256Pem(): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });

  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error: unknown) {
    if (nodeErrorCode(error) === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}
