import { isIPv6 } from 'node:net';

const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/**
 * The key an address is limited under. An IPv4 address as itself (also when Node reports it
 * IPv4-mapped); an IPv6 address by its /64, since one subscriber gets a whole /64 and could
 * otherwise start afresh from each address in it.
 */
export function ipKey(ip: string): string {
  const mapped = IPV4_MAPPED.exec(ip);
  if (mapped) {
    return mapped[1];
  }

  const address = ip.split('%')[0];
  if (!isIPv6(address)) {
    return ip;
  }

  return `${expandIpv6(address).slice(0, 4).join(':')}::/64`;
}

function expandIpv6(address: string): string[] {
  const [head, tail] = address.toLowerCase().split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const zeros = tail === undefined ? [] : Array<string>(missing).fill('0');

  return [...headGroups, ...zeros, ...tailGroups].map((group) => group.replace(/^0+(?=.)/, ''));
}
