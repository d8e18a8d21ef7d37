/**
 * The network interface a VPC function's instance connects from, as every
 * network decision about it sees it (its EFS mounts, its calls to
 * interface endpoints and file servers, and `accesslab check`'s probes of
 * the same): the function's security groups, the subnet an instance is
 * placed in (`INSTANCE_SUBNET_INDEX`, the first) and the address it gets
 * there (`INSTANCE_ADDRESS_IN_SUBNET`, the last usable one).
 */
import type { ServiceContext } from "../context.js";
import { findSubnet } from "../ec2/lookup.js";
import type { Endpoint } from "../ec2/reachability.js";
import { subnetAddress } from "../efs/subnet-address.js";
import { INSTANCE_ADDRESS_IN_SUBNET, INSTANCE_SUBNET_INDEX } from "./assumptions.js";
import type { LambdaFunction } from "./model.js";

/**
 * The interface of `fn`'s instances, or undefined for a function outside a VPC.
 *
 * @example
 * instanceInterface(ctx, fn);
 * // { securityGroupIds: ["sg-0123456789abcdef0"], subnetId: "subnet-…", ip: "10.0.1.254" }
 */
export function instanceInterface(ctx: ServiceContext, fn: LambdaFunction): Endpoint | undefined {
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
