import { describe, expect, it } from "vitest";
import { openStore } from "../../store/open.js";
import type { Ec2Context } from "./context.js";
import { describeRule, normalizeProtocol, rulesOf, sameRule } from "./rule-input.js";

let n = 0;
const ctx: Ec2Context = {
  store: openStore({ kind: "memory" }),
  clock: () => 0,
  random: (length) => Uint8Array.from({ length }, () => n++ % 256),
  account: "000000000000",
  region: "us-east-1",
};
const none = { ipRanges: [], groups: [], prefixListIds: [] };

describe("security group rule input", () => {
  it("normalizes protocols", () => {
    expect(normalizeProtocol("6")).toBe("tcp");
    expect(normalizeProtocol("UDP")).toBe("udp");
    expect(normalizeProtocol("-1")).toBe("-1");
    expect(normalizeProtocol("50")).toBe("50");
    expect(() => normalizeProtocol("nfs")).toThrow("Unknown protocol");
  });

  it("makes one rule per peer and clears ports for all traffic", () => {
    const rules = rulesOf(ctx, {
      ipProtocol: "-1",
      fromPort: 5,
      toPort: 9,
      ...none,
      ipRanges: [{ cidrIp: "10.0.0.0/8" }, { cidrIp: "192.168.0.0/16", description: "lab" }],
    });
    expect(rules.map((r) => [r.fromPort, r.toPort, r.peer])).toEqual([
      [-1, -1, { kind: "cidr", cidr: "10.0.0.0/8" }],
      [-1, -1, { kind: "cidr", cidr: "192.168.0.0/16" }],
    ]);
    expect(rules[1]?.description).toBe("lab");
    expect(rules[0]?.ruleId).toMatch(/^sgr-[0-9a-f]{17}$/);
  });

  it("refuses bad ports, bad CIDRs, missing peers and unknown references", () => {
    const tcp = { ipProtocol: "tcp", fromPort: 80, toPort: 80 };
    expect(() => rulesOf(ctx, { ...tcp, ...none })).toThrow("at least one");
    expect(() =>
      rulesOf(ctx, { ipProtocol: "tcp", ...none, ipRanges: [{ cidrIp: "10.0.0.0/8" }] }),
    ).toThrow("portRange");
    expect(() =>
      rulesOf(ctx, { ...tcp, toPort: 70000, ...none, ipRanges: [{ cidrIp: "10.0.0.0/8" }] }),
    ).toThrow("portRange");
    expect(() => rulesOf(ctx, { ...tcp, ...none, ipRanges: [{ cidrIp: "10.0.0.1/8" }] })).toThrow(
      "malformed",
    );
    expect(() => rulesOf(ctx, { ...tcp, ...none, groups: [{ groupId: "sg-1" }] })).toThrow(
      expect.objectContaining({ code: "InvalidGroup.NotFound" }),
    );
    expect(() =>
      rulesOf(ctx, { ...tcp, ...none, prefixListIds: [{ prefixListId: "pl-1" }] }),
    ).toThrow(expect.objectContaining({ code: "InvalidPrefixListID.NotFound" }));
  });

  it("compares and describes rules as EC2 does", () => {
    const [a] = rulesOf(ctx, {
      ipProtocol: "tcp",
      fromPort: 22,
      toPort: 22,
      ...none,
      ipRanges: [{ cidrIp: "0.0.0.0/0" }],
    });
    const [b] = rulesOf(ctx, {
      ipProtocol: "6",
      fromPort: 22,
      toPort: 22,
      ...none,
      ipRanges: [{ cidrIp: "0.0.0.0/0" }],
    });
    if (!a || !b) throw new Error("no rules");
    expect(sameRule(a, b)).toBe(true);
    expect(describeRule(a)).toBe("peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW");
  });
});
