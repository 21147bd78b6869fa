import { parseTrustProxy } from './trust-proxy';

describe('parseTrustProxy (TRUST_PROXY)', () => {
  it('reads booleans, hop counts and lists of proxies', () => {
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('loopback, 10.0.0.0/8,fd00::/8, 192.0.2.7')).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '192.0.2.7',
    ]);
  });

  it('refuses what Express would not understand', () => {
    for (const bad of ['yes', '10.0.0.0/33', '10.0.0.1/8/8', 'proxy.internal', ',', '-1']) {
      expect(parseTrustProxy(bad)).toBeUndefined();
    }
  });
});
