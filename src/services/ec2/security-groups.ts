/**
 * CreateSecurityGroup and DescribeSecurityGroups. A new group gets EC2's
 * default egress rule (all traffic to 0.0.0.0/0) and no ingress; a VPC's
 * `default` group (default-security-group.ts) also admits its own members. Names are
 * unique per VPC (`InvalidGroup.Duplicate`) and may not start with `sg-`.
 */
import { SECURITY_GROUP_NEEDS_VPC } from "./assumptions.js";
import type { Ec2Context } from "./context.js";
import { allTrafficOut, newGroupId } from "./default-security-group.js";
import { type DescribeKind, type DescribeRequest, describeKind } from "./describe.js";
import {
  groupDuplicate,
  groupNotFound,
  invalidParameterValue,
  missingParameter,
  vpcNotFound,
} from "./errors.js";
import { tagFields } from "./filters.js";
import { EC2_RECORD, type Ec2Tag, type SecurityGroup } from "./model.js";
import type { Page } from "./paging.js";

/** What CreateSecurityGroup takes. */
export interface CreateSecurityGroupInput {
  readonly groupName: string;
  readonly description: string;
  readonly vpcId?: string;
  readonly tags: Ec2Tag[];
}

/** DescribeSecurityGroups also takes group names. */
export interface DescribeSecurityGroupsRequest extends DescribeRequest {
  readonly groupNames?: readonly string[];
}

const GROUP_KIND: DescribeKind<SecurityGroup> = {
  recordKind: EC2_RECORD.securityGroup,
  idOf: (group) => group.groupId,
  fields: (g) => ({
    "group-id": [g.groupId],
    "group-name": [g.groupName],
    description: [g.description],
    "vpc-id": [g.vpcId],
    "owner-id": [g.ownerId],
    ...tagFields(g.tags),
  }),
  filterNames: ["group-id", "group-name", "description", "vpc-id", "owner-id"],
  notFound: groupNotFound,
  limits: { min: 5, max: 1000 },
};

/**
 * CreateSecurityGroup.
 *
 * @example
 * createSecurityGroup(ctx, { groupName: "app", description: "app", vpcId, tags: [] }).groupId; // "sg-…"
 */
export function createSecurityGroup(
  ctx: Ec2Context,
  input: CreateSecurityGroupInput,
): SecurityGroup {
  const { groupName, description, vpcId } = input;
  if (vpcId === undefined && SECURITY_GROUP_NEEDS_VPC) throw missingParameter("VpcId");
  if (groupName.length === 0 || groupName.length > 255) {
    throw invalidParameterValue(`Value (${groupName}) for parameter GroupName is invalid.`);
  }
  if (/^sg-/i.test(groupName)) {
    throw invalidParameterValue(
      `Value (${groupName}) for parameter GroupName is invalid. Group names may not be in the format sg-*.`,
    );
  }
  if (description.length === 0 || description.length > 255) {
    throw invalidParameterValue(
      `Value (${description}) for parameter GroupDescription is invalid.`,
    );
  }
  return ctx.store.transaction(() => {
    const vpc = ctx.store.records.get(EC2_RECORD.vpc, vpcId as string);
    if (!vpc) throw vpcNotFound(vpcId as string);
    const taken = ctx.store.records
      .list<SecurityGroup>(EC2_RECORD.securityGroup)
      .some((g) => g.vpcId === vpcId && g.groupName === groupName);
    if (taken) throw groupDuplicate(groupName, vpcId as string);
    const group: SecurityGroup = {
      groupId: newGroupId(ctx),
      groupName,
      description,
      vpcId: vpcId as string,
      ownerId: ctx.account,
      ingress: [],
      egress: [allTrafficOut(ctx)],
      tags: input.tags,
    };
    ctx.store.records.put(EC2_RECORD.securityGroup, group.groupId, group);
    return group;
  });
}

/**
 * A group by id, or `InvalidGroup.NotFound`.
 *
 * @example
 * getSecurityGroup(ctx, "sg-0123456789abcdef0").groupName;
 */
export function getSecurityGroup(ctx: Ec2Context, groupId: string): SecurityGroup {
  const group = ctx.store.records.get<SecurityGroup>(EC2_RECORD.securityGroup, groupId);
  if (!group) throw groupNotFound(groupId);
  return group;
}

/**
 * DescribeSecurityGroups (ids, names, filters, paging).
 *
 * @example
 * describeSecurityGroups(ctx, { filters: [{ name: "group-name", values: ["app"] }] }).items;
 */
export function describeSecurityGroups(
  ctx: Ec2Context,
  request: DescribeSecurityGroupsRequest,
): Page<SecurityGroup> {
  const names = request.groupNames ?? [];
  if (names.length === 0) return describeKind(ctx, GROUP_KIND, request);
  const all = ctx.store.records.list<SecurityGroup>(EC2_RECORD.securityGroup);
  const missing = names.find((name) => !all.some((g) => g.groupName === name));
  if (missing !== undefined) throw groupNotFound(missing);
  const byName = { name: "group-name", values: names };
  return describeKind(ctx, GROUP_KIND, {
    ...request,
    filters: [...(request.filters ?? []), byName],
  });
}

/**
 * The id of the group named `groupName` (in `vpcId` when given), or `InvalidGroup.NotFound`.
 *
 * @example
 * groupIdByName(ctx, "app"); // "sg-0123456789abcdef0"
 */
export function groupIdByName(ctx: Ec2Context, groupName: string, vpcId?: string): string {
  const group = ctx.store.records
    .list<SecurityGroup>(EC2_RECORD.securityGroup)
    .find((g) => g.groupName === groupName && (vpcId === undefined || g.vpcId === vpcId));
  if (!group) throw groupNotFound(groupName);
  return group.groupId;
}
