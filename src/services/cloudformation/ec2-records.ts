/**
 * Deleting EC2 records the EC2 service has no Delete function for yet
 * (DeleteVpc, DeleteSubnet, DeleteSecurityGroup, RevokeSecurityGroup*,
 * DeleteManagedPrefixList, DeleteVpcEndpoints), for CloudFormation's
 * rollback and DeleteStack: the record goes, as the API would remove it;
 * a record already gone is left alone. A rule is revoked by its rule id.
 */
import type { ServiceContext } from "../context.js";
import { EC2_RECORD, type SecurityGroup } from "../ec2/model.js";

/** An EC2 record kind. */
export type Ec2Kind = keyof typeof EC2_RECORD;

/**
 * Deletes one EC2 record, and the VPC's default group with its VPC.
 *
 * @example
 * deleteEc2Record(ctx, "subnet", "subnet-0123456789abcdef0");
 */
export function deleteEc2Record(ctx: ServiceContext, kind: Ec2Kind, id: string): void {
  ctx.store.transaction(() => {
    if (kind === "vpc")
      for (const g of ctx.store.records.list<SecurityGroup>(EC2_RECORD.securityGroup))
        if (g.vpcId === id && g.groupName === "default")
          ctx.store.records.delete(EC2_RECORD.securityGroup, g.groupId);
    ctx.store.records.delete(EC2_RECORD[kind], id);
  });
}

/**
 * Removes rules (by id) from a group in both directions.
 *
 * @example
 * revokeRuleIds(ctx, "sg-0123456789abcdef0", ["sgr-0123456789abcdef0"]);
 */
export function revokeRuleIds(
  ctx: ServiceContext,
  groupId: string,
  ruleIds: readonly string[],
): void {
  ctx.store.transaction(() => {
    const group = ctx.store.records.get<SecurityGroup>(EC2_RECORD.securityGroup, groupId);
    if (!group) return;
    const keep = (r: { ruleId: string }) => !ruleIds.includes(r.ruleId);
    ctx.store.records.put<SecurityGroup>(EC2_RECORD.securityGroup, groupId, {
      ...group,
      ingress: group.ingress.filter(keep),
      egress: group.egress.filter(keep),
    });
  });
}
