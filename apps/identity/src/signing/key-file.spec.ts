import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readOrCreateKeyFile } from './key-file';

describe('readOrCreateKeyFile', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'identity-key-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates the key once, readable only by its owner, and reuses it', async () => {
    const path = join(dir, 'nested', 'jwt-signing-key.pem');

    const first = await readOrCreateKeyFile(path);
    const second = await readOrCreateKeyFile(path);

    expect(first.created).toBe(true);
    expect(first.pem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(second).toEqual({ pem: first.pem, created: false });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('gives copies that start at once the same key', async () => {
    const path = join(dir, 'jwt-signing-key.pem');

    const files = await Promise.all(Array.from({ length: 5 }, () => readOrCreateKeyFile(path)));

    expect(new Set(files.map((file) => file.pem)).size).toBe(1);
    expect(files.filter((file) => file.created)).toHaveLength(1);
  });
});
