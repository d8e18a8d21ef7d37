/**
 * Whether one network interface can open a connection to another, decided
 * from security groups alone, with the reasons: the source's groups must
 * allow the traffic out (a rule for the protocol and port whose peer is a
 * CIDR containing the destination address, a group the destination is a
 * member of, or a prefix list with an entry containing the address), and
 * the destination's groups must allow it in, judged the same way against
 * the source. Security groups are stateful, so replies need no rule. Pure
 * over the stored model: EFS mount targets (TCP 2049), SMB (445) and VPC
 * endpoints (443) ask it.
 */
import { cidrContainsIp } from "./cidr.js";
import { type Ec2Reader, findPrefixList, findSecurityGroup } from "./lookup.js";
import type { RulePeer, SecurityGroup, SecurityGroupRule } from "./model.js";

/** One end of a connection. */
export interface Endpoint {
  readonly securityGroupIds: readonly string[];
  readonly subnetId?: string;
  /** The interface's private IPv4 address; without it, only group references can match. */
  readonly ip?: string;
}

/** The connection asked about. */
export interface ConnectionAsk {
  readonly from: Endpoint;
  readonly to: Endpoint & { readonly ip: string };
  readonly protocol: "tcp" | "udp";
  readonly port: number;
}

/** The answer, with one line per finding. */
export interface Reachability {
  readonly allowed: boolean;
  readonly reasons: string[];
}

function protocolMatches(rule: SecurityGroupRule, protocol: string, port: number): boolean {
  if (rule.ipProtocol === "-1") return true;
  if (rule.ipProtocol !== protocol) return false;
  return rule.fromPort <= port && port <= rule.toPort;
}

function peerText(peer: RulePeer): string {
  if (peer.kind === "cidr") return peer.cidr;
  return peer.kind === "security-group" ? peer.groupId : peer.prefixListId;
}

function peerMatches(ctx: Ec2Reader, peer: RulePeer, other: Endpoint): boolean {
  switch (peer.kind) {
    case "cidr":
      return other.ip !== undefined && cidrContainsIp(peer.cidr, other.ip);
    case "security-group":
      return other.securityGroupIds.includes(peer.groupId);
    case "prefix-list": {
      const list = findPrefixList(ctx, peer.prefixListId);
      const ip = other.ip;
      return ip !== undefined && (list?.entries.some((e) => cidrContainsIp(e.cidr, ip)) ?? false);
    }
  }
}

function side(
  ctx: Ec2Reader,
  ask: ConnectionAsk,
  direction: "egress" | "ingress",
): { allowed: boolean; reasons: string[] } {
  const self = direction === "egress" ? ask.from : ask.to;
  const other = direction === "egress" ? ask.to : ask.from;
  const what = `${ask.protocol}/${ask.port}`;
  const verb = direction === "egress" ? "out to" : "in from";
  const otherName = other.ip ?? (other.securityGroupIds.join(", ") || "the peer");
  const reasons: string[] = [];
  const groups: SecurityGroup[] = [];
  for (const id of self.securityGroupIds) {
    const group = findSecurityGroup(ctx, id);
    if (group) groups.push(group);
    else reasons.push(`security group \`${id}\` does not exist`);
  }
  for (const group of groups) {
    const rule = group[direction].find(
      (r) => protocolMatches(r, ask.protocol, ask.port) && peerMatches(ctx, r.peer, other),
    );
    if (rule) {
      const ports =
        rule.ipProtocol === "-1"
          ? "all traffic"
          : `${rule.ipProtocol} ${rule.fromPort}-${rule.toPort}`;
      reasons.push(
        `${direction} rule \`${rule.ruleId}\` of \`${group.groupId}\` allows ${ports} ${verb} \`${peerText(rule.peer)}\``,
      );
      return { allowed: true, reasons };
    }
  }
  const names = self.securityGroupIds.map((id) => `\`${id}\``).join(", ") || "none";
  reasons.push(
    `no ${direction} rule of security groups ${names} allows ${what} ${verb} \`${otherName}\``,
  );
  return { allowed: false, reasons };
}

/**
 * Decides whether `from` can connect to `to` on the protocol and port.
 *
 * @example
 * canConnect(ctx, { from: { securityGroupIds: ["sg-lambda"] }, to: { securityGroupIds: ["sg-efs"], ip: "10.0.1.25" }, protocol: "tcp", port: 2049 });
 * // { allowed: true, reasons: ["egress rule `sgr-…` of `sg-lambda` allows all traffic out to `0.0.0.0/0`", "ingress rule …"] }
 */
export function canConnect(ctx: Ec2Reader, ask: ConnectionAsk): Reachability {
  const out = side(ctx, ask, "egress");
  const into = side(ctx, ask, "ingress");
  return { allowed: out.allowed && into.allowed, reasons: [...out.reasons, ...into.reasons] };
}
