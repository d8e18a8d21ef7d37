/**
 * The EFS resources accesslab keeps: file systems (with their optional file
 * system policy) and access points (with the POSIX user they enforce and
 * the root directory they expose), shaped as the EFS API describes them.
 */

/** The POSIX identity an access point enforces (EFS API `PosixUser`). */
export interface PosixUser {
  readonly uid: number;
  readonly gid: number;
  readonly secondaryGids?: readonly number[];
}

/** How EFS creates a missing access point root (EFS API `CreationInfo`). */
export interface CreationInfo {
  readonly ownerUid: number;
  readonly ownerGid: number;
  /** Octal permission string, `^[0-7]{3,4}$`, e.g. "755". */
  readonly permissions: string;
}

/** The directory an access point exposes as `/` (EFS API `RootDirectory`). */
export interface RootDirectory {
  readonly path: string;
  readonly creationInfo?: CreationInfo;
}

/** An EFS file system. */
export interface FileSystem {
  readonly fileSystemId: string;
  readonly arn: string;
  readonly ownerId: string;
  readonly region: string;
  readonly creationToken: string;
  readonly creationTimeMs: number;
  /** The file system policy JSON text; absent while the default policy is in effect. */
  readonly policy?: string;
  /** The value of the `Name` tag, as EFS reports it. */
  readonly name?: string;
  /** `generalPurpose` (the default) or `maxIO`. */
  readonly performanceMode?: string;
  /** `bursting` (the default), `provisioned` or `elastic`. */
  readonly throughputMode?: string;
  readonly provisionedThroughputInMibps?: number;
  readonly encrypted?: boolean;
  readonly kmsKeyId?: string;
  readonly tags?: readonly EfsTag[];
}

/** An EFS access point. */
export interface AccessPoint {
  readonly accessPointId: string;
  readonly accessPointArn: string;
  readonly fileSystemId: string;
  readonly ownerId: string;
  readonly posixUser?: PosixUser;
  readonly rootDirectory: RootDirectory;
  /** The value of the `Name` tag, as EFS reports it. */
  readonly name?: string;
  /** The idempotency token it was created with (CreateAccessPoint `ClientToken`). */
  readonly clientToken?: string;
  readonly tags?: readonly EfsTag[];
}

/** An EFS resource tag (EFS API `Tag`). */
export interface EfsTag {
  readonly key: string;
  readonly value: string;
}

/** An EFS mount target: the file system's NFS endpoint in one subnet. */
export interface MountTarget {
  readonly mountTargetId: string;
  readonly fileSystemId: string;
  readonly subnetId: string;
  readonly vpcId: string;
  readonly availabilityZoneName: string;
  readonly availabilityZoneId: string;
  readonly ipAddress: string;
  readonly networkInterfaceId: string;
  readonly securityGroups: readonly string[];
  readonly ownerId: string;
  /** Always `available` once created (accesslab has no provisioning delay). */
  readonly lifeCycleState: "available";
}
