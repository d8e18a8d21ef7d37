/**
 * AuthorizeSecurityGroupIngress/Egress and DescribeSecurityGroupRules.
 * Authorizing adds one rule per peer of each permission, refusing the whole
 * call with `InvalidPermission.Duplicate` when a rule already exists (or is
 * given twice); the rules are listed flat, each with its group and
 * direction.
 */
import type { Ec2Context } from "./context.js";
import { permissionDuplicate, ruleNotFound } from "./errors.js";
import { checkFilterNames, type Ec2Filter, matchesFilters } from "./filters.js";
import { EC2_RECORD, type SecurityGroup, type SecurityGroupRule } from "./model.js";
import { type Page, type PageRequest, page } from "./paging.js";
import { describeRule, type IpPermissionInput, rulesOf, sameRule } from "./rule-input.js";
import { getSecurityGroup } from "./security-groups.js";

/** Which list of a group a rule belongs to. */
export type Direction = "ingress" | "egress";

/** A rule with the group it belongs to. */
export interface GroupRule {
  readonly groupId: string;
  readonly ownerId: string;
  readonly isEgress: boolean;
  readonly rule: SecurityGroupRule;
}

/**
 * Adds rules to a group; answers the rules added.
 *
 * @example
 * authorizeRules(ctx, "sg-…", "ingress", [{ ipProtocol: "tcp", fromPort: 2049, toPort: 2049, ipRanges: [{ cidrIp: "10.0.0.0/16" }], groups: [], prefixListIds: [] }]);
 */
export function authorizeRules(
  ctx: Ec2Context,
  groupId: string,
  direction: Direction,
  permissions: readonly IpPermissionInput[],
): GroupRule[] {
  return ctx.store.transaction(() => {
    const group = getSecurityGroup(ctx, groupId);
    const added = permissions.flatMap((p) => rulesOf(ctx, p));
    const existing = [...group[direction]];
    for (const rule of added) {
      if (existing.some((other) => sameRule(other, rule))) {
        throw permissionDuplicate(describeRule(rule));
      }
      existing.push(rule);
    }
    const updated: SecurityGroup = { ...group, [direction]: existing };
    ctx.store.records.put(EC2_RECORD.securityGroup, groupId, updated);
    return added.map((rule) => ({
      groupId,
      ownerId: group.ownerId,
      isEgress: direction === "egress",
      rule,
    }));
  });
}

/** What DescribeSecurityGroupRules takes. */
export interface DescribeRulesRequest extends PageRequest {
  readonly ruleIds?: readonly string[];
  readonly filters?: readonly Ec2Filter[];
}

/**
 * DescribeSecurityGroupRules (filters `group-id`, `security-group-rule-id`).
 *
 * @example
 * describeSecurityGroupRules(ctx, { filters: [{ name: "group-id", values: [groupId] }] }).items;
 */
export function describeSecurityGroupRules(
  ctx: Ec2Context,
  request: DescribeRulesRequest,
): Page<GroupRule> {
  const filters = request.filters ?? [];
  checkFilterNames(filters, ["group-id", "security-group-rule-id"]);
  const all = ctx.store.records
    .list<SecurityGroup>(EC2_RECORD.securityGroup)
    .sort((a, b) => (a.groupId < b.groupId ? -1 : 1))
    .flatMap((g) => [
      ...g.ingress.map((rule) => ({
        groupId: g.groupId,
        ownerId: g.ownerId,
        isEgress: false,
        rule,
      })),
      ...g.egress.map((rule) => ({ groupId: g.groupId, ownerId: g.ownerId, isEgress: true, rule })),
    ]);
  const ids = request.ruleIds ?? [];
  const missing = ids.find((id) => !all.some((r) => r.rule.ruleId === id));
  if (missing !== undefined) throw ruleNotFound(missing);
  const chosen = ids.length === 0 ? all : all.filter((r) => ids.includes(r.rule.ruleId));
  const matching = chosen.filter((r) =>
    matchesFilters({ "group-id": [r.groupId], "security-group-rule-id": [r.rule.ruleId] }, filters),
  );
  return page(matching, request, { min: 5, max: 1000 });
}
