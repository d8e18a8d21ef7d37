/**
 * EFS mount targets: a file system's NFS endpoint in one subnet. The rules
 * AWS enforces (EFS API CreateMountTarget): the subnet must exist; all of a
 * file system's mount targets are in one VPC and at most one per
 * Availability Zone (`MountTargetConflict`); each security group must exist
 * in that VPC (`SecurityGroupNotFound`), at most five; the address comes
 * from the subnet's CIDR block. A file system with mount targets cannot be
 * deleted (`FileSystemInUse`, see control-plane.ts).
 */
import { findSecurityGroup, findSubnet } from "../ec2/lookup.js";
import { EC2_RECORD, type SecurityGroup, type Subnet } from "../ec2/model.js";
import { MOUNT_TARGET_DEFAULT_GROUP_NAME } from "./assumptions.js";
import { type EfsContext, RECORD } from "./context.js";
import { getFileSystem } from "./control-plane.js";
import {
  badRequest,
  ipAddressInUse,
  mountTargetConflict,
  mountTargetNotFound,
  noFreeAddressesInSubnet,
  securityGroupLimitExceeded,
  securityGroupNotFound,
  subnetNotFound,
} from "./errors.js";
import { newEfsId } from "./ids.js";
import type { MountTarget } from "./model.js";
import { pickAddress } from "./subnet-address.js";

/** At most five security groups per mount target (EFS API CreateMountTarget). */
export const MOUNT_TARGET_SECURITY_GROUP_LIMIT = 5;

/** CreateMountTarget's input. */
export interface MountTargetInput {
  readonly fileSystemId: string;
  readonly subnetId: string;
  readonly ipAddress?: string;
  readonly securityGroups?: readonly string[];
}

/**
 * CreateMountTarget.
 *
 * @example
 * const mt = createMountTarget(ctx, { fileSystemId: fs.fileSystemId, subnetId: "subnet-0a1b2c3d4e5f60718" });
 */
export function createMountTarget(ctx: EfsContext, input: MountTargetInput): MountTarget {
  return ctx.store.transaction(() => {
    getFileSystem(ctx, input.fileSystemId);
    const subnet = findSubnet(ctx, input.subnetId);
    if (!subnet) throw subnetNotFound(input.subnetId);
    const siblings = listMountTargets(ctx, input.fileSystemId);
    checkPlacement(input.fileSystemId, subnet, siblings);
    const securityGroups = resolveGroups(ctx, subnet.vpcId, input.securityGroups);
    const taken = ctx.store.records
      .listWhere<MountTarget>(RECORD.mountTarget, "subnetId", subnet.subnetId)
      .map((mt) => mt.ipAddress);
    const address = pickAddress(subnet.cidrBlock, taken, input.ipAddress);
    if ("problem" in address) {
      if (address.problem === "in-use") throw ipAddressInUse(input.ipAddress ?? "");
      if (address.problem === "outside")
        throw badRequest(
          `IP address \`${input.ipAddress}\` is not a usable address of subnet ${subnet.subnetId} (${subnet.cidrBlock})`,
        );
      throw noFreeAddressesInSubnet(subnet.subnetId);
    }
    const mountTargetId = newEfsId("fsmt", ctx.random);
    const mt: MountTarget = {
      mountTargetId,
      fileSystemId: input.fileSystemId,
      subnetId: subnet.subnetId,
      vpcId: subnet.vpcId,
      availabilityZoneName: subnet.availabilityZone,
      availabilityZoneId: subnet.availabilityZoneId,
      ipAddress: address.ok,
      networkInterfaceId: `eni-${newEfsId("fs", ctx.random).slice(3)}`,
      securityGroups,
      ownerId: ctx.account,
      lifeCycleState: "available",
    };
    ctx.store.records.put(RECORD.mountTarget, mountTargetId, mt);
    return mt;
  });
}

/**
 * Mount targets, optionally of one file system, in id order.
 *
 * @example
 * listMountTargets(ctx, "fs-0123456789abcdef0").length; // 2
 */
export function listMountTargets(ctx: EfsContext, fileSystemId?: string): MountTarget[] {
  return fileSystemId === undefined
    ? ctx.store.records.list<MountTarget>(RECORD.mountTarget)
    : ctx.store.records.listWhere<MountTarget>(RECORD.mountTarget, "fileSystemId", fileSystemId);
}

/**
 * One mount target, or MountTargetNotFound.
 *
 * @example
 * getMountTarget(ctx, "fsmt-0123456789abcdef0").subnetId;
 */
export function getMountTarget(ctx: EfsContext, mountTargetId: string): MountTarget {
  const mt = ctx.store.records.get<MountTarget>(RECORD.mountTarget, mountTargetId);
  if (!mt) throw mountTargetNotFound(mountTargetId);
  return mt;
}

/**
 * DeleteMountTarget.
 *
 * @example
 * deleteMountTarget(ctx, "fsmt-0123456789abcdef0");
 */
export function deleteMountTarget(ctx: EfsContext, mountTargetId: string): void {
  ctx.store.transaction(() => {
    getMountTarget(ctx, mountTargetId);
    ctx.store.records.delete(RECORD.mountTarget, mountTargetId);
  });
}

/**
 * ModifyMountTargetSecurityGroups: replaces the mount target's groups.
 *
 * @example
 * modifyMountTargetSecurityGroups(ctx, "fsmt-0123456789abcdef0", ["sg-0123456789abcdef0"]);
 */
export function modifyMountTargetSecurityGroups(
  ctx: EfsContext,
  mountTargetId: string,
  securityGroups: readonly string[],
): MountTarget {
  return ctx.store.transaction(() => {
    const mt = getMountTarget(ctx, mountTargetId);
    const next = { ...mt, securityGroups: resolveGroups(ctx, mt.vpcId, securityGroups) };
    ctx.store.records.put(RECORD.mountTarget, mountTargetId, next);
    return next;
  });
}

function checkPlacement(fileSystemId: string, subnet: Subnet, siblings: readonly MountTarget[]) {
  const otherVpc = siblings.find((mt) => mt.vpcId !== subnet.vpcId);
  if (otherVpc)
    throw mountTargetConflict(
      `file system '${fileSystemId}' already has mount targets in VPC '${otherVpc.vpcId}'; all of its mount targets must be in one VPC`,
    );
  const sameZone = siblings.find((mt) => mt.availabilityZoneName === subnet.availabilityZone);
  if (sameZone)
    throw mountTargetConflict(
      `file system '${fileSystemId}' already has mount target '${sameZone.mountTargetId}' in Availability Zone '${subnet.availabilityZone}'`,
    );
}

function resolveGroups(
  ctx: EfsContext,
  vpcId: string,
  requested: readonly string[] | undefined,
): string[] {
  if (requested === undefined || requested.length === 0) {
    const fallback = ctx.store.records
      .list<SecurityGroup>(EC2_RECORD.securityGroup)
      .find((sg) => sg.vpcId === vpcId && sg.groupName === MOUNT_TARGET_DEFAULT_GROUP_NAME);
    return fallback ? [fallback.groupId] : [];
  }
  const groups = [...new Set(requested)];
  if (groups.length > MOUNT_TARGET_SECURITY_GROUP_LIMIT)
    throw securityGroupLimitExceeded(MOUNT_TARGET_SECURITY_GROUP_LIMIT);
  for (const id of groups) {
    if (findSecurityGroup(ctx, id)?.vpcId !== vpcId) throw securityGroupNotFound(id, vpcId);
  }
  return groups;
}
