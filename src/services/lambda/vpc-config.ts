/**
 * A function's VpcConfig resolved against EC2: every subnet and security
 * group must exist (refused with Lambda's wrapping of the EC2 error,
 * "Error occurred while DescribeSubnets. EC2 Error Code:
 * InvalidSubnetID.NotFound. …"), all in one VPC, whose id the function then
 * reports as `VpcConfig.VpcId`. An empty subnet list detaches the function.
 */
import { findSecurityGroup, findSubnet } from "../ec2/lookup.js";
import type { Subnet } from "../ec2/model.js";
import { MIXED_VPC_MESSAGE } from "./assumptions.js";
import type { LambdaContext } from "./context.js";
import { invalidParameter } from "./errors.js";
import type { VpcConfigInput } from "./function-input.js";
import type { FunctionVpcConfig } from "./model.js";

/** A resolved VpcConfig and the subnets it names. */
export interface ResolvedVpc {
  readonly config: FunctionVpcConfig;
  readonly subnets: readonly Subnet[];
}

/**
 * Resolves a VpcConfig, or throws `InvalidParameterValueException`.
 *
 * @example
 * resolveVpcConfig(ctx, { subnetIds: ["subnet-0a"], securityGroupIds: ["sg-0b"] }).config.vpcId; // "vpc-…"
 */
export function resolveVpcConfig(ctx: LambdaContext, input: VpcConfigInput): ResolvedVpc {
  const subnetIds = [...(input.subnetIds ?? [])];
  const securityGroupIds = [...(input.securityGroupIds ?? [])];
  const subnets = subnetIds.map((id) => {
    const subnet = findSubnet(ctx, id);
    if (!subnet)
      throw invalidParameter(
        `Error occurred while DescribeSubnets. EC2 Error Code: InvalidSubnetID.NotFound. EC2 Error Message: The subnet ID '${id}' does not exist`,
      );
    return subnet;
  });
  const groupVpcs = securityGroupIds.map((id) => {
    const group = findSecurityGroup(ctx, id);
    if (!group)
      throw invalidParameter(
        `Error occurred while DescribeSecurityGroups. EC2 Error Code: InvalidGroup.NotFound. EC2 Error Message: The security group '${id}' does not exist`,
      );
    return group.vpcId;
  });
  const vpcId = subnets[0]?.vpcId ?? groupVpcs[0] ?? "";
  const vpcs = new Set([...subnets.map((s) => s.vpcId), ...groupVpcs]);
  if (vpcs.size > 1) throw invalidParameter(MIXED_VPC_MESSAGE);
  return { config: { subnetIds, securityGroupIds, vpcId }, subnets };
}
