/**
 * One `IpPermission` of AuthorizeSecurityGroupIngress/Egress turned into
 * stored rules: the protocol normalized (`tcp`/`6` → `tcp`, `-1` for all),
 * the port range checked for it, and one rule per peer (each CIDR range,
 * referenced group and prefix list). Referenced groups and prefix lists
 * must exist; a permission without any peer is refused.
 */
import { isNetworkAddress, parseCidr } from "./cidr.js";
import type { Ec2Context } from "./context.js";
import { groupNotFound, invalidParameterValue, prefixListNotFound } from "./errors.js";
import { newEc2Id } from "./ids.js";
import { EC2_RECORD, type RulePeer, type SecurityGroupRule } from "./model.js";

/** An IpPermission as the API takes it. */
export interface IpPermissionInput {
  readonly ipProtocol?: string;
  readonly fromPort?: number;
  readonly toPort?: number;
  readonly ipRanges: readonly { cidrIp: string; description?: string }[];
  readonly groups: readonly { groupId: string; description?: string }[];
  readonly prefixListIds: readonly { prefixListId: string; description?: string }[];
}

const NAMED: Readonly<Record<string, string>> = {
  tcp: "tcp",
  "6": "tcp",
  udp: "udp",
  "17": "udp",
  icmp: "icmp",
  "1": "icmp",
  "-1": "-1",
  all: "-1",
};

/**
 * The protocol as EC2 stores it.
 *
 * @example
 * normalizeProtocol("6"); // "tcp"
 */
export function normalizeProtocol(text: string): string {
  const named = NAMED[text.toLowerCase()];
  if (named !== undefined) return named;
  if (/^\d{1,3}$/.test(text) && Number(text) <= 255) return text;
  throw invalidParameterValue(`Invalid value '${text}' for IP protocol. Unknown protocol.`);
}

function ports(
  protocol: string,
  from: number | undefined,
  to: number | undefined,
): [number, number] {
  if (protocol === "-1") return [-1, -1];
  if (protocol !== "tcp" && protocol !== "udp") return [from ?? -1, to ?? -1];
  if (from === undefined || to === undefined) {
    throw invalidParameterValue(
      `Invalid value for portRange. Must specify both from and to ports with TCP/UDP.`,
    );
  }
  if (from < 0 || to > 65535 || from > to) {
    throw invalidParameterValue(
      `Invalid value for portRange. Must specify both from and to ports with TCP/UDP.`,
    );
  }
  return [from, to];
}

function cidrPeer(text: string): RulePeer {
  const block = parseCidr(text);
  if (block === undefined || !isNetworkAddress(block)) {
    throw invalidParameterValue(`CIDR block ${text} is malformed`);
  }
  return { kind: "cidr", cidr: text };
}

/**
 * The rules one permission adds.
 *
 * @example
 * rulesOf(ctx, { ipProtocol: "tcp", fromPort: 2049, toPort: 2049, ipRanges: [{ cidrIp: "10.0.0.0/16" }], groups: [], prefixListIds: [] });
 */
export function rulesOf(ctx: Ec2Context, permission: IpPermissionInput): SecurityGroupRule[] {
  const protocol = normalizeProtocol(permission.ipProtocol ?? "-1");
  const [fromPort, toPort] = ports(protocol, permission.fromPort, permission.toPort);
  const peers: { peer: RulePeer; description?: string | undefined }[] = [
    ...permission.ipRanges.map((r) => ({ peer: cidrPeer(r.cidrIp), description: r.description })),
    ...permission.groups.map((g) => {
      if (!ctx.store.records.get(EC2_RECORD.securityGroup, g.groupId))
        throw groupNotFound(g.groupId);
      return {
        peer: { kind: "security-group", groupId: g.groupId } as RulePeer,
        description: g.description,
      };
    }),
    ...permission.prefixListIds.map((p) => {
      if (!ctx.store.records.get(EC2_RECORD.prefixList, p.prefixListId)) {
        throw prefixListNotFound(p.prefixListId);
      }
      return {
        peer: { kind: "prefix-list", prefixListId: p.prefixListId } as RulePeer,
        description: p.description,
      };
    }),
  ];
  if (peers.length === 0) {
    throw invalidParameterValue(
      "the ip permission must name at least one CIDR range, security group or prefix list",
    );
  }
  return peers.map(({ peer, description }) => ({
    ruleId: newEc2Id("sgr", ctx.random),
    ipProtocol: protocol,
    fromPort,
    toPort,
    peer,
    ...(description !== undefined ? { description } : {}),
  }));
}

/**
 * The text EC2 uses for a rule in `InvalidPermission.Duplicate`.
 *
 * @example
 * describeRule(rule); // "peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW"
 */
export function describeRule(rule: SecurityGroupRule): string {
  const peer =
    rule.peer.kind === "cidr"
      ? rule.peer.cidr
      : rule.peer.kind === "security-group"
        ? rule.peer.groupId
        : rule.peer.prefixListId;
  const protocol = rule.ipProtocol === "-1" ? "ALL" : rule.ipProtocol.toUpperCase();
  return `peer: ${peer}, ${protocol}, from port: ${rule.fromPort}, to port: ${rule.toPort}, ALLOW`;
}

/**
 * True when two rules allow the same traffic to or from the same peer.
 *
 * @example
 * sameRule(a, { ...a, ruleId: "sgr-other" }); // true
 */
export function sameRule(a: SecurityGroupRule, b: SecurityGroupRule): boolean {
  return (
    a.ipProtocol === b.ipProtocol &&
    a.fromPort === b.fromPort &&
    a.toPort === b.toPort &&
    JSON.stringify(a.peer) === JSON.stringify(b.peer)
  );
}
