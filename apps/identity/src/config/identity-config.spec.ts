import { ConfigValidationError } from '@app/common';
import { loadIdentityConfig } from './identity-config';

describe('loadIdentityConfig', () => {
  it('lets overrides win over process.env and writes nothing back into it', async () => {
    const before = { ...process.env };

    const { config } = await loadIdentityConfig({ PORT: '4100', JWT_ISSUER: 'issuer-under-test' });

    expect(config).toEqual(
      expect.objectContaining({ PORT: 4100, JWT_ISSUER: 'issuer-under-test' }),
    );
    expect(process.env).toEqual(before);
  });

  it('rejects with the name of a bad variable', async () => {
    await expect(loadIdentityConfig({ EMBEDDED_DB_PORT: '0' })).rejects.toThrow(
      ConfigValidationError,
    );
    await expect(loadIdentityConfig({ EMBEDDED_DB_PORT: '0' })).rejects.toThrow(/EMBEDDED_DB_PORT/);
  });
});
