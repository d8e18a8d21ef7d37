/**
 * EFS resources as the EFS API writes them on the wire: FileSystemDescription
 * (with the live NumberOfMountTargets and a SizeInBytes), AccessPointDescription
 * (LifeCycleState `available`), MountTargetDescription and `Tags`. Times are
 * `Date`s, which the rest-json renderer writes as epoch seconds.
 */
import { EMPTY_FILE_SYSTEM_BYTES } from "../../services/efs/assumptions.js";
import type { AccessPoint, EfsTag, FileSystem, MountTarget } from "../../services/efs/model.js";

/**
 * Tags as `[{Key, Value}]`.
 *
 * @example
 * wireTags([{ key: "Name", value: "data" }]); // [{ Key: "Name", Value: "data" }]
 */
export function wireTags(tags: readonly EfsTag[] | undefined): { Key: string; Value: string }[] {
  return (tags ?? []).map((t) => ({ Key: t.key, Value: t.value }));
}

/**
 * A FileSystemDescription.
 *
 * @example
 * fileSystemDescription(fs, 0).LifeCycleState; // "available"
 */
export function fileSystemDescription(fs: FileSystem, mountTargets: number) {
  return {
    OwnerId: fs.ownerId,
    CreationToken: fs.creationToken,
    FileSystemId: fs.fileSystemId,
    FileSystemArn: fs.arn,
    CreationTime: new Date(fs.creationTimeMs),
    LifeCycleState: "available",
    ...(fs.name !== undefined ? { Name: fs.name } : {}),
    NumberOfMountTargets: mountTargets,
    SizeInBytes: {
      Value: EMPTY_FILE_SYSTEM_BYTES,
      ValueInStandard: EMPTY_FILE_SYSTEM_BYTES,
      ValueInIA: 0,
      ValueInArchive: 0,
    },
    PerformanceMode: fs.performanceMode ?? "generalPurpose",
    Encrypted: fs.encrypted ?? false,
    ...(fs.kmsKeyId !== undefined ? { KmsKeyId: fs.kmsKeyId } : {}),
    ThroughputMode: fs.throughputMode ?? "bursting",
    ...(fs.provisionedThroughputInMibps !== undefined
      ? { ProvisionedThroughputInMibps: fs.provisionedThroughputInMibps }
      : {}),
    Tags: wireTags(fs.tags),
    FileSystemProtection: { ReplicationOverwriteProtection: "ENABLED" },
  };
}

/**
 * An AccessPointDescription.
 *
 * @example
 * accessPointDescription(ap).RootDirectory; // { Path: "/" }
 */
export function accessPointDescription(ap: AccessPoint) {
  const { posixUser, rootDirectory } = ap;
  const info = rootDirectory.creationInfo;
  return {
    ...(ap.clientToken !== undefined ? { ClientToken: ap.clientToken } : {}),
    ...(ap.name !== undefined ? { Name: ap.name } : {}),
    Tags: wireTags(ap.tags),
    AccessPointId: ap.accessPointId,
    AccessPointArn: ap.accessPointArn,
    FileSystemId: ap.fileSystemId,
    ...(posixUser
      ? {
          PosixUser: {
            Uid: posixUser.uid,
            Gid: posixUser.gid,
            ...(posixUser.secondaryGids ? { SecondaryGids: posixUser.secondaryGids } : {}),
          },
        }
      : {}),
    RootDirectory: {
      Path: rootDirectory.path,
      ...(info
        ? {
            CreationInfo: {
              OwnerUid: info.ownerUid,
              OwnerGid: info.ownerGid,
              Permissions: info.permissions,
            },
          }
        : {}),
    },
    OwnerId: ap.ownerId,
    LifeCycleState: "available",
  };
}

/**
 * A MountTargetDescription.
 *
 * @example
 * mountTargetDescription(mt).IpAddress; // "10.0.1.4"
 */
export function mountTargetDescription(mt: MountTarget) {
  return {
    OwnerId: mt.ownerId,
    MountTargetId: mt.mountTargetId,
    FileSystemId: mt.fileSystemId,
    SubnetId: mt.subnetId,
    LifeCycleState: mt.lifeCycleState,
    IpAddress: mt.ipAddress,
    NetworkInterfaceId: mt.networkInterfaceId,
    AvailabilityZoneId: mt.availabilityZoneId,
    AvailabilityZoneName: mt.availabilityZoneName,
    VpcId: mt.vpcId,
  };
}
