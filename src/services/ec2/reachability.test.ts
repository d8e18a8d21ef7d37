import { beforeEach, describe, expect, it } from "vitest";
import { openStore } from "../../store/open.js";
import type { Ec2Context } from "./context.js";
import { EC2_RECORD, type SecurityGroup } from "./model.js";
import { createPrefixList } from "./prefix-lists.js";
import { canConnect } from "./reachability.js";
import type { IpPermissionInput } from "./rule-input.js";
import { authorizeRules } from "./security-group-rules.js";
import { createSecurityGroup } from "./security-groups.js";
import { createVpc } from "./vpcs.js";

let counter = 0;
let ctx: Ec2Context;
let vpcId: string;

beforeEach(() => {
  ctx = {
    store: openStore({ kind: "memory" }),
    clock: () => 0,
    random: (n) => Uint8Array.from({ length: n }, () => counter++ % 256),
    account: "000000000000",
    region: "us-east-1",
  };
  vpcId = createVpc(ctx, { cidrBlock: "10.0.0.0/16", tags: [] }).vpcId;
});

const group = (name: string) =>
  createSecurityGroup(ctx, { groupName: name, description: name, vpcId, tags: [] }).groupId;

const tcp = (port: number, peer: Partial<IpPermissionInput>): IpPermissionInput => ({
  ipProtocol: "tcp",
  fromPort: port,
  toPort: port,
  ipRanges: [],
  groups: [],
  prefixListIds: [],
  ...peer,
});

const nfs = (from: string[], to: string[], fromIp = "10.0.2.10") =>
  canConnect(ctx, {
    from: { securityGroupIds: from, ip: fromIp },
    to: { securityGroupIds: to, ip: "10.0.1.25" },
    protocol: "tcp",
    port: 2049,
  });

describe("canConnect", () => {
  it("refuses when the destination admits nothing, and says which side refused", () => {
    const client = group("client");
    const server = group("server");
    const answer = nfs([client], [server]);
    expect(answer.allowed).toBe(false);
    expect(answer.reasons[0]).toMatch(
      /^egress rule `sgr-[0-9a-f]{17}` .* all traffic out to `0\.0\.0\.0\/0`/,
    );
    expect(answer.reasons[1]).toContain("no ingress rule of security groups");
    expect(answer.reasons[1]).toContain("tcp/2049");
  });

  it("allows a CIDR source that contains the client address, on the port only", () => {
    const client = group("client");
    const server = group("server");
    authorizeRules(ctx, server, "ingress", [tcp(2049, { ipRanges: [{ cidrIp: "10.0.2.0/24" }] })]);
    expect(nfs([client], [server]).allowed).toBe(true);
    expect(nfs([client], [server], "10.0.3.10").allowed).toBe(false);
    const smb = canConnect(ctx, {
      from: { securityGroupIds: [client], ip: "10.0.2.10" },
      to: { securityGroupIds: [server], ip: "10.0.1.25" },
      protocol: "tcp",
      port: 445,
    });
    expect(smb.allowed).toBe(false);
  });

  it("allows a security group source only for its members", () => {
    const client = group("client");
    const other = group("other");
    const server = group("server");
    authorizeRules(ctx, server, "ingress", [tcp(2049, { groups: [{ groupId: client }] })]);
    expect(nfs([client], [server]).allowed).toBe(true);
    expect(nfs([other], [server]).allowed).toBe(false);
    expect(nfs([other, client], [server]).allowed).toBe(true);
  });

  it("allows a prefix list source whose entries contain the client address", () => {
    const list = createPrefixList(ctx, {
      prefixListName: "clients",
      maxEntries: 5,
      addressFamily: "IPv4",
      entries: [{ cidr: "10.0.2.0/28" }],
      tags: [],
    });
    const client = group("client");
    const server = group("server");
    authorizeRules(ctx, server, "ingress", [
      tcp(2049, { prefixListIds: [{ prefixListId: list.prefixListId }] }),
    ]);
    expect(nfs([client], [server], "10.0.2.15").allowed).toBe(true);
    expect(nfs([client], [server], "10.0.2.16").allowed).toBe(false);
  });

  it("needs the source's egress: without the default egress rule nothing leaves", () => {
    const client = group("client");
    const server = group("server");
    authorizeRules(ctx, server, "ingress", [tcp(2049, { ipRanges: [{ cidrIp: "0.0.0.0/0" }] })]);
    const stored = ctx.store.records.get<SecurityGroup>(EC2_RECORD.securityGroup, client);
    if (!stored) throw new Error("group not stored");
    ctx.store.records.put(EC2_RECORD.securityGroup, client, { ...stored, egress: [] });
    const answer = nfs([client], [server]);
    expect(answer.allowed).toBe(false);
    expect(answer.reasons[0]).toContain("no egress rule");
    authorizeRules(ctx, client, "egress", [tcp(2049, { groups: [{ groupId: server }] })]);
    expect(nfs([client], [server]).allowed).toBe(true);
  });

  it("accepts port ranges and all-traffic rules, and reports unknown groups", () => {
    const client = group("client");
    const server = group("server");
    authorizeRules(ctx, server, "ingress", [
      { ...tcp(0, { ipRanges: [{ cidrIp: "10.0.0.0/16" }] }), fromPort: 2000, toPort: 2100 },
    ]);
    expect(nfs([client], [server]).allowed).toBe(true);
    const missing = nfs(["sg-00000000000000000"], [server]);
    expect(missing.allowed).toBe(false);
    expect(missing.reasons[0]).toBe("security group `sg-00000000000000000` does not exist");
  });
});
