import { PASSWORD_HASH_OPTIONS, PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  beforeAll(async () => {
    await hasher.onModuleInit();
  });

  it('hashes with argon2id at the configured cost, and verifies', async () => {
    const hash = await hasher.hash('correct horse battery staple');

    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    await expect(hasher.verify(hash, 'correct horse battery staple')).resolves.toBe(true);
    await expect(hasher.verify(hash, 'Correct horse battery staple')).resolves.toBe(false);
    expect(hasher.needsRehash(hash)).toBe(false);
  });

  it('keeps the parameters at or above the OWASP minimum', () => {
    expect(PASSWORD_HASH_OPTIONS.memoryCost).toBeGreaterThanOrEqual(19_456);
    expect(PASSWORD_HASH_OPTIONS.timeCost).toBeGreaterThanOrEqual(2);
  });

  it('spends a real verification when there is no account', async () => {
    await expect(hasher.verifyAgainstNothing('whatever')).resolves.toBe(false);
  });
});
