/**
 * IPv4 addresses and CIDR blocks as numbers: parsing dotted quads and
 * `a.b.c.d/n` blocks (strictly: four decimal octets 0–255, a prefix 0–32),
 * and the three questions reachability and subnet placement ask: does a
 * block contain an address, does it contain another block, do two blocks
 * overlap. Addresses are unsigned 32-bit integers; a block is its first
 * address and its prefix length. IPv6 is not modelled here.
 */

/** A parsed IPv4 CIDR block. */
export interface Ipv4Block {
  /** The address as written, as an unsigned 32-bit integer. */
  readonly address: number;
  readonly prefix: number;
  /** The first address of the block (host bits cleared). */
  readonly first: number;
  /** The last address of the block. */
  readonly last: number;
}

const OCTET = /^(?:0|[1-9]\d{0,2})$/;

/**
 * An IPv4 address as an unsigned integer, or `undefined` when malformed.
 *
 * @example
 * parseIpv4("10.0.0.1"); // 167772161
 */
export function parseIpv4(text: string): number | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!OCTET.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

/**
 * An IPv4 CIDR block, or `undefined` when malformed.
 *
 * @example
 * parseCidr("10.0.1.0/24"); // { address: 167772416, prefix: 24, first: 167772416, last: 167772671 }
 */
export function parseCidr(text: string): Ipv4Block | undefined {
  const slash = text.indexOf("/");
  if (slash < 0) return undefined;
  const address = parseIpv4(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (address === undefined || !/^(?:\d|[12]\d|3[0-2])$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  const size = 2 ** (32 - prefix);
  const first = address - (address % size);
  return { address, prefix, first, last: first + size - 1 };
}

/**
 * True when the block is written with its host bits cleared (`10.0.0.0/16`, not `10.0.0.1/16`).
 *
 * @example
 * isNetworkAddress(parseCidr("10.0.0.1/16")!); // false
 */
export function isNetworkAddress(block: Ipv4Block): boolean {
  return block.address === block.first;
}

/**
 * True when `block` contains the address `ip`.
 *
 * @example
 * blockContainsIp(parseCidr("10.0.0.0/16")!, parseIpv4("10.0.9.9")!); // true
 */
export function blockContainsIp(block: Ipv4Block, ip: number): boolean {
  return ip >= block.first && ip <= block.last;
}

/**
 * True when `outer` contains every address of `inner`.
 *
 * @example
 * blockContainsBlock(parseCidr("10.0.0.0/16")!, parseCidr("10.0.1.0/24")!); // true
 */
export function blockContainsBlock(outer: Ipv4Block, inner: Ipv4Block): boolean {
  return inner.first >= outer.first && inner.last <= outer.last;
}

/**
 * True when the two blocks share at least one address.
 *
 * @example
 * blocksOverlap(parseCidr("10.0.0.0/24")!, parseCidr("10.0.0.128/25")!); // true
 */
export function blocksOverlap(a: Ipv4Block, b: Ipv4Block): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/**
 * True when the CIDR text contains the address text; false when either is malformed.
 *
 * @example
 * cidrContainsIp("0.0.0.0/0", "192.168.1.10"); // true
 */
export function cidrContainsIp(cidr: string, ip: string): boolean {
  const block = parseCidr(cidr);
  const address = parseIpv4(ip);
  return block !== undefined && address !== undefined && blockContainsIp(block, address);
}

/**
 * The dotted-quad text of an address.
 *
 * @example
 * formatIpv4(167772161); // "10.0.0.1"
 */
export function formatIpv4(ip: number): string {
  return [ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255].join(".");
}
