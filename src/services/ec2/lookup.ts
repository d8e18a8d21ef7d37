/**
 * Read-only lookups of EC2 network pieces by id, for the services that
 * reference them (EFS mount targets, Lambda VpcConfig, Secrets Manager's
 * endpoint path): each answers `undefined` for an unknown id, and the caller
 * raises its own service's error.
 */
import type { Store } from "../../store/port.js";
import {
  EC2_RECORD,
  type ManagedPrefixList,
  type SecurityGroup,
  type Subnet,
  type Vpc,
  type VpcEndpoint,
} from "./model.js";

/** What the lookups read. */
export interface Ec2Reader {
  readonly store: Store;
}

/**
 * A subnet by id.
 *
 * @example
 * findSubnet(ctx, "subnet-0123456789abcdef0")?.availabilityZone; // "us-east-1a"
 */
export function findSubnet(ctx: Ec2Reader, subnetId: string): Subnet | undefined {
  return ctx.store.records.get<Subnet>(EC2_RECORD.subnet, subnetId);
}

/** A VPC by id. */
export function findVpc(ctx: Ec2Reader, vpcId: string): Vpc | undefined {
  return ctx.store.records.get<Vpc>(EC2_RECORD.vpc, vpcId);
}

/** A security group by id. */
export function findSecurityGroup(ctx: Ec2Reader, groupId: string): SecurityGroup | undefined {
  return ctx.store.records.get<SecurityGroup>(EC2_RECORD.securityGroup, groupId);
}

/** A managed prefix list by id. */
export function findPrefixList(
  ctx: Ec2Reader,
  prefixListId: string,
): ManagedPrefixList | undefined {
  return ctx.store.records.get<ManagedPrefixList>(EC2_RECORD.prefixList, prefixListId);
}

/** A VPC endpoint by id. */
export function findVpcEndpoint(ctx: Ec2Reader, vpcEndpointId: string): VpcEndpoint | undefined {
  return ctx.store.records.get<VpcEndpoint>(EC2_RECORD.vpcEndpoint, vpcEndpointId);
}
