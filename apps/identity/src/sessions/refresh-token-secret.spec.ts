import {
  newRefreshToken,
  openReplacement,
  refreshTokenHash,
  sealReplacement,
} from './refresh-token-secret';

describe('refresh token secrets', () => {
  it('makes opaque 256-bit tokens, and keeps only a hash that is not the token', () => {
    const token = newRefreshToken();

    expect(token).toMatch(/^[\w-]{43}$/);
    expect(newRefreshToken()).not.toBe(token);
    expect(refreshTokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(refreshTokenHash(token)).not.toContain(token);
  });

  it('opens a sealed replacement with the token it replaces, and with nothing else', () => {
    const parent = newRefreshToken();
    const child = newRefreshToken();

    const sealed = sealReplacement(parent, child);

    expect(sealed).not.toContain(child);
    expect(openReplacement(parent, sealed)).toBe(child);
    expect(() => openReplacement(newRefreshToken(), sealed)).toThrow();
    expect(() => openReplacement(refreshTokenHash(parent), sealed)).toThrow();
  });

  it('refuses a seal that was altered', () => {
    const parent = newRefreshToken();
    const sealed = Buffer.from(sealReplacement(parent, newRefreshToken()), 'base64url');
    sealed[sealed.length - 1] ^= 1;

    expect(() => openReplacement(parent, sealed.toString('base64url'))).toThrow();
  });
});
