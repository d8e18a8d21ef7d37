/**
 * IPv4 addresses for mount targets inside a subnet's CIDR block. As in
 * every VPC subnet, the first four addresses and the last one are reserved
 * by AWS (network, router, DNS, future use; broadcast), so a mount target
 * gets the lowest free address from the fifth on, or the one the caller
 * asked for if it is usable and free.
 */

import { formatIpv4, parseCidr, parseIpv4 } from "../ec2/cidr.js";

/**
 * The first or last usable address of a subnet, where accesslab places an
 * interface it does not otherwise address (a function's, an endpoint's).
 *
 * @example
 * subnetAddress("10.0.1.0/24", "last"); // { ip: "10.0.1.254" }
 */
export function subnetAddress(cidr: string, which: "first" | "last"): { ip?: string } {
  const range = usableRange(cidr);
  return range === undefined ? {} : { ip: formatIpv4(range[which]) };
}

/**
 * The usable host range of an IPv4 CIDR block (after AWS's reservations), or undefined.
 *
 * @example
 * usableRange("10.0.1.0/24"); // { first: <10.0.1.4>, last: <10.0.1.254> }
 */
export function usableRange(cidr: string): { first: number; last: number } | undefined {
  const block = parseCidr(cidr);
  if (block === undefined || block.prefix > 28) return undefined;
  return { first: block.first + 4, last: block.last - 1 };
}

/**
 * Picks the address for a new mount target.
 *
 * @example
 * pickAddress("10.0.1.0/24", ["10.0.1.4"], undefined); // { ok: "10.0.1.5" }
 * pickAddress("10.0.1.0/24", [], "10.0.2.9"); // { problem: "outside" }
 */
export function pickAddress(
  cidr: string,
  taken: readonly string[],
  wanted: string | undefined,
): { ok: string } | { problem: "outside" | "in-use" | "full" } {
  const range = usableRange(cidr);
  if (range === undefined) return { problem: "full" };
  const used = new Set(taken);
  if (wanted !== undefined) {
    const n = parseIpv4(wanted);
    if (n === undefined || n < range.first || n > range.last) return { problem: "outside" };
    return used.has(formatIpv4(n)) ? { problem: "in-use" } : { ok: formatIpv4(n) };
  }
  for (let n = range.first; n <= range.last; n++) {
    const ip = formatIpv4(n);
    if (!used.has(ip)) return { ok: ip };
  }
  return { problem: "full" };
}
