/**
 * Security groups as the EC2 API's XML members: a group with its
 * `ipPermissions`/`ipPermissionsEgress`, the rules grouped by protocol and
 * port range into `groups` (security group peers), `ipRanges` and
 * `prefixListIds`, and flat `securityGroupRule`s as the Authorize calls and
 * DescribeSecurityGroupRules list them.
 */
import { ec2Arn } from "../../services/ec2/ids.js";
import type { SecurityGroup, SecurityGroupRule } from "../../services/ec2/model.js";
import type { GroupRule } from "../../services/ec2/security-group-rules.js";
import { type Ec2Where, tagSet } from "./ec2-shapes.js";

/**
 * Rules grouped as `IpPermission`s (one per protocol and port range).
 *
 * @example
 * ipPermissions(group.ingress, "000000000000")[0]?.ipRanges; // [{ cidrIp: "10.0.0.0/16" }]
 */
export function ipPermissions(rules: readonly SecurityGroupRule[], ownerId: string) {
  const byRange = new Map<string, SecurityGroupRule[]>();
  for (const rule of rules) {
    const key = `${rule.ipProtocol}|${rule.fromPort}|${rule.toPort}`;
    byRange.set(key, [...(byRange.get(key) ?? []), rule]);
  }
  return [...byRange.values()].map((same) => {
    const first = same[0] as SecurityGroupRule;
    const all = first.ipProtocol === "-1";
    return {
      ipProtocol: first.ipProtocol,
      ...(all ? {} : { fromPort: first.fromPort, toPort: first.toPort }),
      groups: same.flatMap((r) =>
        r.peer.kind === "security-group"
          ? [{ userId: ownerId, groupId: r.peer.groupId, description: r.description }]
          : [],
      ),
      ipRanges: same.flatMap((r) =>
        r.peer.kind === "cidr" ? [{ cidrIp: r.peer.cidr, description: r.description }] : [],
      ),
      prefixListIds: same.flatMap((r) =>
        r.peer.kind === "prefix-list"
          ? [{ prefixListId: r.peer.prefixListId, description: r.description }]
          : [],
      ),
    };
  });
}

/**
 * A security group.
 *
 * @example
 * securityGroupShape(where, group).groupDescription;
 */
export function securityGroupShape(where: Ec2Where, group: SecurityGroup) {
  return {
    groupId: group.groupId,
    groupName: group.groupName,
    groupDescription: group.description,
    vpcId: group.vpcId,
    ownerId: group.ownerId,
    securityGroupArn: ec2Arn(where, "security-group", group.groupId),
    ipPermissions: ipPermissions(group.ingress, group.ownerId),
    ipPermissionsEgress: ipPermissions(group.egress, group.ownerId),
    tagSet: tagSet(group.tags),
  };
}

/**
 * One rule as DescribeSecurityGroupRules and the Authorize calls list it.
 *
 * @example
 * securityGroupRuleShape(where, groupRule).cidrIpv4; // "10.0.0.0/16"
 */
export function securityGroupRuleShape(
  where: Ec2Where,
  { groupId, ownerId, isEgress, rule }: GroupRule,
) {
  const { peer } = rule;
  return {
    securityGroupRuleId: rule.ruleId,
    groupId,
    groupOwnerId: ownerId,
    isEgress,
    ipProtocol: rule.ipProtocol,
    fromPort: rule.fromPort,
    toPort: rule.toPort,
    cidrIpv4: peer.kind === "cidr" ? peer.cidr : undefined,
    prefixListId: peer.kind === "prefix-list" ? peer.prefixListId : undefined,
    referencedGroupInfo:
      peer.kind === "security-group" ? { groupId: peer.groupId, userId: ownerId } : undefined,
    description: rule.description,
    securityGroupRuleArn: ec2Arn(where, "security-group-rule", rule.ruleId),
  };
}
