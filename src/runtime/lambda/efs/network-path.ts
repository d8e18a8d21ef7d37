/**
 * The network path from a function instance to its file system, as
 * Lambda needs it at init (aws-facts C2): from the instance's interface
 * (`services/lambda/instance-interface.ts`, in the function's first subnet); the file
 * system needs a mount target in that subnet's Availability Zone, in the
 * same VPC; and the function's security groups must let TCP 2049 out to the
 * mount target while the mount target's let it in, as
 * `services/ec2/reachability` decides.
 */
import type { ServiceContext } from "../../../services/context.js";
import { findSubnet } from "../../../services/ec2/lookup.js";
import { canConnect } from "../../../services/ec2/reachability.js";
import { INSTANCE_SUBNET_INDEX } from "../../../services/lambda/assumptions.js";
import { mountTargetsOf } from "../../../services/lambda/file-system-access.js";
import { instanceInterface } from "../../../services/lambda/instance-interface.js";
import type { LambdaFunction } from "../../../services/lambda/model.js";
import { NFS_PORT } from "./assumptions.js";

/** Where the instance connects from and to, or why it cannot. */
export type NetworkPath =
  | { readonly ok: true; readonly sourceIp: string; readonly mountTargetIp: string }
  | { readonly ok: false; readonly reasons: readonly string[] };

/**
 * Whether an instance of `fn` reaches a mount target of `fileSystemId` on TCP 2049.
 *
 * @example
 * const path = networkPath(ctx, fn, "fs-0123456789abcdef0");
 * if (!path.ok) throw efsMountConnectivity(config.arn);
 */
export function networkPath(
  ctx: ServiceContext,
  fn: LambdaFunction,
  fileSystemId: string,
): NetworkPath {
  const vpc = fn.vpcConfig;
  const subnetId = vpc?.subnetIds[INSTANCE_SUBNET_INDEX];
  if (vpc === undefined || subnetId === undefined)
    return { ok: false, reasons: ["the function is not connected to a VPC"] };
  const subnet = findSubnet(ctx, subnetId);
  if (subnet === undefined) return { ok: false, reasons: [`subnet \`${subnetId}\` is gone`] };
  const target = mountTargetsOf(ctx, fileSystemId).find(
    (t) => t.availabilityZoneName === subnet.availabilityZone && t.vpcId === subnet.vpcId,
  );
  if (target === undefined)
    return {
      ok: false,
      reasons: [`no mount target of \`${fileSystemId}\` in ${subnet.availabilityZone}`],
    };
  const from = instanceInterface(ctx, fn) ?? { securityGroupIds: vpc.securityGroupIds, subnetId };
  const sourceIp = from.ip;
  const reach = canConnect(ctx, {
    from,
    to: {
      securityGroupIds: target.securityGroups,
      subnetId: target.subnetId,
      ip: target.ipAddress,
    },
    protocol: "tcp",
    port: NFS_PORT,
  });
  if (!reach.allowed) return { ok: false, reasons: reach.reasons };
  return { ok: true, sourceIp: sourceIp ?? target.ipAddress, mountTargetIp: target.ipAddress };
}
