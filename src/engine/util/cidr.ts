/**
 * IP addresses and CIDR blocks as Go's net package reads them (netutils.ParseCIDRSloppy: IPv4
 * octets may carry leading zeros). Addresses are bigints so IPv4 and IPv6 share one code path;
 * the family is kept apart, since Go's IPNet.Contains never matches across families.
 */

export interface Cidr {
  family: 4 | 6;
  /** The network address (host bits cleared, as ParseCIDR returns it). */
  network: bigint;
  prefix: number;
}

export interface Address {
  family: 4 | 6;
  value: bigint;
}

function parseIPv4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let v = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    v = (v << 8n) | BigInt(Number(p));
  }
  return v;
}

function parseIPv6(s: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(s) || s.split('::').length > 2) return undefined;
  // An embedded IPv4 tail (::ffff:10.0.0.1) stands for the last two groups.
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    const v4 = parseIPv4(s.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    s = `${s.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head, rest] = s.split('::');
  const group = (g: string) => (/^[0-9a-fA-F]{1,4}$/.test(g) ? parseInt(g, 16) : NaN);
  const a = head ? head.split(':').map(group) : [];
  const b = rest ? rest.split(':').map(group) : [];
  if (rest !== undefined && a.length + b.length > 7) return undefined;
  const groups = rest === undefined ? a : [...a, ...new Array<number>(8 - a.length - b.length).fill(0), ...b];
  if (groups.length !== 8 || groups.some((g) => Number.isNaN(g))) return undefined;
  return groups.reduce((v, g) => (v << 16n) | BigInt(g), 0n);
}

export function parseAddress(s: string): Address | undefined {
  const v4 = s.includes(':') ? undefined : parseIPv4(s);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const v6 = s.includes(':') ? parseIPv6(s) : undefined;
  return v6 === undefined ? undefined : { family: 6, value: v6 };
}

export function parseCidr(s: string): Cidr | undefined {
  const slash = s.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseAddress(s.slice(0, slash));
  const bits = s.slice(slash + 1);
  if (!ip || !/^\d{1,3}$/.test(bits)) return undefined;
  const prefix = Number(bits);
  const width = ip.family === 4 ? 32 : 128;
  if (prefix > width) return undefined;
  const hostBits = BigInt(width - prefix);
  return { family: ip.family, network: (ip.value >> hostBits) << hostBits, prefix };
}

/** IPNet.Contains: same family and the same leading `prefix` bits. */
export function cidrContains(c: Cidr, ip: Address): boolean {
  if (c.family !== ip.family) return false;
  const hostBits = BigInt((c.family === 4 ? 32 : 128) - c.prefix);
  return ip.value >> hostBits === c.network >> hostBits;
}
