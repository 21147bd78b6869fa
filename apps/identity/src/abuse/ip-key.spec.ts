import { ipKey } from './ip-key';

describe('ipKey', () => {
  it('keys IPv4 by the address, also when Node reports it IPv4-mapped', () => {
    expect(ipKey('203.0.113.7')).toBe('203.0.113.7');
    expect(ipKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('keys IPv6 by its /64, however it is written', () => {
    const key = ipKey('2001:db8:0:1:aaaa:bbbb:cccc:dddd');

    expect(key).toBe('2001:db8:0:1::/64');
    expect(ipKey('2001:0db8:0000:0001::1')).toBe(key);
    expect(ipKey('2001:db8::1:0:0:0:1')).toBe(key);
    expect(ipKey('2001:db8:0:2::1')).not.toBe(key);
    expect(ipKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});
