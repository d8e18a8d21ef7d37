/**
 * IPv4 addresses for mount targets inside a subnet's CIDR block. As in
 * every VPC subnet, the first four addresses and the last one are reserved
 * by AWS (network, router, DNS, future use; broadcast), so a mount target
 * gets the lowest free address from the fifth on, or the one the caller
 * asked for if it is usable and free.
 */

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * An IPv4 address as a number, or undefined when it is not one.
 *
 * @example
 * ipv4ToNumber("10.0.1.4"); // 167772420
 */
export function ipv4ToNumber(text: string): number | undefined {
  const m = IPV4.exec(text);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return parts.reduce((acc, p) => acc * 256 + p, 0);
}

/**
 * A number as dotted IPv4 text.
 *
 * @example
 * numberToIpv4(167772420); // "10.0.1.4"
 */
export function numberToIpv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}

/**
 * The usable host range of an IPv4 CIDR block (after AWS's reservations), or undefined.
 *
 * @example
 * usableRange("10.0.1.0/24"); // { first: <10.0.1.4>, last: <10.0.1.254> }
 */
export function usableRange(cidr: string): { first: number; last: number } | undefined {
  const [address = "", prefixText = ""] = cidr.split("/");
  const base = ipv4ToNumber(address);
  const prefix = Number(prefixText);
  if (base === undefined || !/^\d+$/.test(prefixText) || prefix > 28) return undefined;
  const size = 2 ** (32 - prefix);
  const network = base - (base % size);
  return { first: network + 4, last: network + size - 2 };
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
    const n = ipv4ToNumber(wanted);
    if (n === undefined || n < range.first || n > range.last) return { problem: "outside" };
    return used.has(numberToIpv4(n)) ? { problem: "in-use" } : { ok: numberToIpv4(n) };
  }
  for (let n = range.first; n <= range.last; n++) {
    const ip = numberToIpv4(n);
    if (!used.has(ip)) return { ok: ip };
  }
  return { problem: "full" };
}
