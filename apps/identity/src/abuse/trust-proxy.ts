import { isIP } from 'node:net';

/** The proxies trusted to name the client: a hop count, or addresses, ranges and names. */
export type TrustProxy = boolean | number | string[];

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Reads TRUST_PROXY: `false` (the default: the peer's address is the client's), `true`
 * (trust every X-Forwarded-For hop), a number of proxy hops, or a comma-separated list of
 * proxy addresses, CIDR ranges and the names loopback, linklocal, uniquelocal.
 */
export function parseTrustProxy(value: string): TrustProxy | undefined {
  const trimmed = value.trim();
  if (trimmed === 'true' || trimmed === 'false') {
    return trimmed === 'true';
  }

  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed);
  }

  const entries = trimmed
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);

  return entries.length > 0 && entries.every(isProxyAddress) ? entries : undefined;
}

function isProxyAddress(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) {
    return true;
  }

  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) {
    return false;
  }

  return prefix === undefined || isPrefixLength(prefix, family === 4 ? 32 : 128);
}

function isPrefixLength(prefix: string, max: number): boolean {
  return /^\d+$/.test(prefix) && Number(prefix) <= max;
}
