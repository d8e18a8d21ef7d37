import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  blockContainsBlock,
  blockContainsIp,
  blocksOverlap,
  cidrContainsIp,
  formatIpv4,
  type Ipv4Block,
  isNetworkAddress,
  parseCidr,
  parseIpv4,
} from "./cidr.js";

function cidr(text: string): Ipv4Block {
  const block = parseCidr(text);
  if (block === undefined) throw new Error(`bad test cidr ${text}`);
  return block;
}

const ip = fc.integer({ min: 0, max: 2 ** 32 - 1 });
const block = fc
  .record({ address: ip, prefix: fc.integer({ min: 0, max: 32 }) })
  .map(({ address, prefix }) => cidr(`${formatIpv4(address)}/${prefix}`));

describe("parsing", () => {
  it("reads dotted quads and blocks", () => {
    expect(parseIpv4("10.0.0.1")).toBe(167772161);
    expect(parseIpv4("255.255.255.255")).toBe(2 ** 32 - 1);
    expect(parseCidr("10.0.1.0/24")).toEqual({
      address: 167772416,
      prefix: 24,
      first: 167772416,
      last: 167772671,
    });
    expect(parseCidr("0.0.0.0/0")?.last).toBe(2 ** 32 - 1);
  });

  it("refuses malformed text", () => {
    for (const bad of ["10.0.0", "10.0.0.256", "10.0.0.01", "a.b.c.d", "10.0.0.0.0", ""]) {
      expect(parseIpv4(bad)).toBeUndefined();
    }
    for (const bad of ["10.0.0.0", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/-1", "10.0.0/8", "/8"]) {
      expect(parseCidr(bad)).toBeUndefined();
    }
  });

  it("tells a network address from a host address", () => {
    expect(isNetworkAddress(cidr("10.0.0.0/16"))).toBe(true);
    expect(isNetworkAddress(cidr("10.0.0.1/16"))).toBe(false);
  });

  it("round-trips every address", () => {
    fc.assert(fc.property(ip, (n) => parseIpv4(formatIpv4(n)) === n));
  });
});

describe("containment and overlap", () => {
  it("answers the examples", () => {
    expect(cidrContainsIp("10.0.0.0/16", "10.0.255.255")).toBe(true);
    expect(cidrContainsIp("10.0.0.0/16", "10.1.0.0")).toBe(false);
    expect(cidrContainsIp("10.0.0.5/32", "10.0.0.5")).toBe(true);
    expect(cidrContainsIp("bad", "10.0.0.5")).toBe(false);
    expect(blocksOverlap(cidr("10.0.0.0/24"), cidr("10.0.1.0/24"))).toBe(false);
    expect(blockContainsBlock(cidr("10.0.0.0/16"), cidr("10.0.0.0/8"))).toBe(false);
  });

  it("a block contains its first and last address and nothing just outside", () => {
    fc.assert(
      fc.property(block, (b) => {
        expect(blockContainsIp(b, b.first)).toBe(true);
        expect(blockContainsIp(b, b.last)).toBe(true);
        if (b.first > 0) expect(blockContainsIp(b, b.first - 1)).toBe(false);
        if (b.last < 2 ** 32 - 1) expect(blockContainsIp(b, b.last + 1)).toBe(false);
        expect(b.last - b.first + 1).toBe(2 ** (32 - b.prefix));
      }),
    );
  });

  it("overlap is symmetric and implied by containment", () => {
    fc.assert(
      fc.property(block, block, (a, b) => {
        expect(blocksOverlap(a, b)).toBe(blocksOverlap(b, a));
        if (blockContainsBlock(a, b)) expect(blocksOverlap(a, b)).toBe(true);
        // CIDR blocks are either nested or disjoint.
        if (blocksOverlap(a, b)) {
          expect(blockContainsBlock(a, b) || blockContainsBlock(b, a)).toBe(true);
        }
      }),
    );
  });

  it("containment of blocks agrees with containment of addresses", () => {
    fc.assert(
      fc.property(block, block, ip, (a, b, n) => {
        if (blockContainsBlock(a, b) && blockContainsIp(b, n)) {
          expect(blockContainsIp(a, n)).toBe(true);
        }
      }),
    );
  });
});
