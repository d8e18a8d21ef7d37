/**
 * IPv4 and IPv6 addresses and CIDR blocks for `IpAddress` and
 * `NotIpAddress`, parsed to big integers so both families compare the same
 * way. A bare address in a policy is a /32 (or /128) block.
 */

/** A parsed CIDR block. */
export interface Cidr {
  readonly v6: boolean;
  readonly base: bigint;
  readonly prefix: number;
}

/** Parses `10.0.0.0/8`, `2001:db8::/32` or a bare address; undefined when invalid. */
export function parseCidr(text: string): Cidr | undefined {
  const [address = "", prefixText, extra] = text.trim().split("/");
  if (extra !== undefined) return undefined;
  const parsed = parseIp(address);
  if (!parsed) return undefined;
  const bits = parsed.v6 ? 128 : 32;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (
    !Number.isInteger(prefix) ||
    prefix < 0 ||
    prefix > bits ||
    (prefixText !== undefined && !/^\d+$/.test(prefixText))
  ) {
    return undefined;
  }
  const shift = BigInt(bits - prefix);
  return { v6: parsed.v6, base: (parsed.value >> shift) << shift, prefix };
}

/** True when `address` lies inside `cidr` (families must agree). */
export function cidrContains(cidr: Cidr, address: string): boolean {
  const ip = parseIp(address.trim());
  if (!ip || ip.v6 !== cidr.v6) return false;
  const shift = BigInt((cidr.v6 ? 128 : 32) - cidr.prefix);
  return (ip.value >> shift) << shift === cidr.base;
}

function parseIp(text: string): { v6: boolean; value: bigint } | undefined {
  if (text.includes(":")) {
    const value = parseIpv6(text);
    return value === undefined ? undefined : { v6: true, value };
  }
  const value = parseIpv4(text);
  return value === undefined ? undefined : { v6: false, value };
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(Number(part));
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  let head = text;
  let tailV4: bigint | undefined;
  const lastColon = text.lastIndexOf(":");
  if (text.slice(lastColon + 1).includes(".")) {
    tailV4 = parseIpv4(text.slice(lastColon + 1));
    if (tailV4 === undefined) return undefined;
    head = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = head.split("::");
  if (halves.length > 2) return undefined;
  const left = halves[0] ? halves[0].split(":") : [];
  const right = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - left.length - right.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...right];
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return undefined;
    value = (value << 16n) | BigInt(Number.parseInt(group, 16));
  }
  if (tailV4 !== undefined) value = (value & ~0xffffffffn) | tailV4;
  return value;
}
