/**
 * The network interface a VPC function's instance connects from, as the
 * network decisions see it: the function's security groups, the subnet
 * an instance is placed in (`INSTANCE_SUBNET_INDEX`, the first) and the
 * address it gets there (`INSTANCE_ADDRESS_IN_SUBNET`, the last usable
 * one), the same interface the EFS mounts and `accesslab check` assume.
 */
import type { ServiceContext } from "../../../services/context.js";
import { findSubnet } from "../../../services/ec2/lookup.js";
import type { Endpoint } from "../../../services/ec2/reachability.js";
import { subnetAddress } from "../../../services/efs/subnet-address.js";
import type { LambdaFunction } from "../../../services/lambda/model.js";
import { INSTANCE_ADDRESS_IN_SUBNET, INSTANCE_SUBNET_INDEX } from "../efs/assumptions.js";

/**
 * The interface of `fn`'s instances, or undefined for a function outside a VPC.
 *
 * @example
 * functionInterface(ctx, fn);
 * // { securityGroupIds: ["sg-0123456789abcdef0"], subnetId: "subnet-…", ip: "10.0.1.254" }
 */
export function functionInterface(ctx: ServiceContext, fn: LambdaFunction): Endpoint | undefined {
  const vpc = fn.vpcConfig;
  if (vpc === undefined || vpc.vpcId === "") return undefined;
  const subnet = findSubnet(ctx, vpc.subnetIds[INSTANCE_SUBNET_INDEX] ?? "");
  return {
    securityGroupIds: vpc.securityGroupIds,
    ...(subnet === undefined
      ? {}
      : {
          subnetId: subnet.subnetId,
          ...subnetAddress(subnet.cidrBlock, INSTANCE_ADDRESS_IN_SUBNET),
        }),
  };
}
