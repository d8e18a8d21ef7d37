/**
 * FileSystemConfigs checked against EFS, after the model's shape checks:
 * the function must run in a VPC, the access point must exist, and its file
 * system must have a mount target in every Availability Zone of the
 * function's subnets (aws-facts C2). EFS records are read directly from the
 * store under EFS's record kinds.
 */
import { RECORD } from "../efs/context.js";
import { fileSystemArn } from "../efs/ids.js";
import type { AccessPoint, MountTarget } from "../efs/model.js";
import {
  accessPointMissingMessage,
  MOUNT_TARGETS_MUST_SHARE_VPC,
  missingMountTargetMessage,
  vpcRequiredMessage,
} from "./assumptions.js";
import type { LambdaContext } from "./context.js";
import { invalidParameter } from "./errors.js";
import type { FileSystemConfig } from "./model.js";
import type { ResolvedVpc } from "./vpc-config.js";

/**
 * The access point an access point ARN of this account and Region names, if any.
 *
 * @example
 * findAccessPoint(ctx, "arn:aws:elasticfilesystem:us-east-1:000000000000:access-point/fsap-0123456789abcdef0");
 */
export function findAccessPoint(ctx: LambdaContext, arn: string): AccessPoint | undefined {
  const id = arn.slice(arn.lastIndexOf("/") + 1);
  const ap = ctx.store.records.get<AccessPoint>(RECORD.accessPoint, id);
  return ap?.accessPointArn === arn ? ap : undefined;
}

/**
 * A file system's mount targets.
 *
 * @example
 * mountTargetsOf(ctx, "fs-0123456789abcdef0").map((m) => m.availabilityZoneName);
 */
export function mountTargetsOf(ctx: LambdaContext, fileSystemId: string): MountTarget[] {
  return ctx.store.records.listWhere<MountTarget>(RECORD.mountTarget, "fileSystemId", fileSystemId);
}

/**
 * Refuses FileSystemConfigs the function cannot mount, with `InvalidParameterValueException`.
 *
 * @example
 * checkFileSystemAccess(ctx, [{ arn, localMountPath: "/mnt/data" }], resolveVpcConfig(ctx, vpc));
 */
export function checkFileSystemAccess(
  ctx: LambdaContext,
  configs: readonly FileSystemConfig[],
  vpc: ResolvedVpc | undefined,
): void {
  for (const { arn } of configs) {
    if (vpc === undefined || vpc.subnets.length === 0)
      throw invalidParameter(vpcRequiredMessage(arn));
    const ap = findAccessPoint(ctx, arn);
    if (!ap) throw invalidParameter(accessPointMissingMessage(arn));
    const covered = new Set(
      mountTargetsOf(ctx, ap.fileSystemId)
        .filter((m) => !MOUNT_TARGETS_MUST_SHARE_VPC || m.vpcId === vpc.config.vpcId)
        .map((m) => m.availabilityZoneName),
    );
    if (vpc.subnets.some((s) => !covered.has(s.availabilityZone))) {
      const fsArn = fileSystemArn(ctx.region, ap.ownerId, ap.fileSystemId);
      throw invalidParameter(missingMountTargetMessage(fsArn, arn));
    }
  }
}
