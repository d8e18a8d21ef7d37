/**
 * Which interface endpoint a workload in a VPC reaches a service through:
 * with private DNS enabled, an interface endpoint takes over the service's
 * public name inside its VPC, so every call from there to that service
 * goes through it (aws-facts E). Without one, calls go to the public
 * endpoint (over a NAT or not at all; the caller decides what that means).
 */
import type { Ec2Reader } from "./lookup.js";
import { EC2_RECORD, type VpcEndpoint } from "./model.js";

/**
 * The interface endpoint with private DNS for `service` (the short name,
 * e.g. `secretsmanager`) in `vpcId`, if any.
 *
 * @example
 * privateDnsEndpoint(ctx, "vpc-0123456789abcdef0", "us-east-1", "secretsmanager")?.vpcEndpointId; // "vpce-…"
 */
export function privateDnsEndpoint(
  ctx: Ec2Reader,
  vpcId: string,
  region: string,
  service: string,
): VpcEndpoint | undefined {
  return ctx.store.records
    .listWhere<VpcEndpoint>(EC2_RECORD.vpcEndpoint, "vpcId", vpcId)
    .find(
      (e) =>
        e.vpcEndpointType === "Interface" &&
        e.privateDnsEnabled &&
        e.serviceName === `com.amazonaws.${region}.${service}`,
    );
}
