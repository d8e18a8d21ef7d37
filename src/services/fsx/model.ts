/**
 * FSx for Windows File Server file systems as stored values: the network
 * placement (VPC, subnets, security groups, the network interfaces and the
 * preferred file server's address), the Windows settings (deployment type,
 * throughput, the self-managed Active Directory settings without their
 * password), the DNS name clients use, tags, and accesslab's stand-in for
 * `Set-FSxSmbServerConfiguration`: whether the SMB server requires
 * encryption in transit. Stored under one record kind keyed by id.
 */

/** A tag of an FSx resource. */
export interface FsxTag {
  readonly Key: string;
  readonly Value: string;
}

/**
 * Encryption in transit as the SMB server applies it (aws-facts F3, F5):
 * `required` = EncryptData and RejectUnencryptedAccess (SMB 3 encrypting
 * clients only), `desired` = EncryptData without rejecting others, `off` =
 * the server's defaults.
 */
export type SmbEncryption = "required" | "desired" | "off";

/** The self-managed Active Directory settings, as kept (never the password). */
export interface SelfManagedAd {
  readonly domainName: string;
  readonly userName: string;
  readonly dnsIps: readonly string[];
  readonly organizationalUnitDistinguishedName?: string;
  readonly fileSystemAdministratorsGroup?: string;
}

/** The Windows settings of a file system. */
export interface WindowsSettings {
  readonly deploymentType: "MULTI_AZ_1" | "SINGLE_AZ_1" | "SINGLE_AZ_2";
  readonly throughputCapacity: number;
  readonly preferredSubnetId: string;
  readonly preferredFileServerIp: string;
  readonly remoteAdministrationEndpoint: string;
  readonly selfManagedAd: SelfManagedAd;
  readonly automaticBackupRetentionDays: number;
  readonly copyTagsToBackups: boolean;
  readonly weeklyMaintenanceStartTime?: string;
  readonly dailyAutomaticBackupStartTime?: string;
}

/** A Windows file system. */
export interface FsxFileSystem {
  readonly fileSystemId: string;
  readonly resourceArn: string;
  readonly ownerId: string;
  readonly creationTimeMs: number;
  readonly storageCapacity: number;
  readonly storageType: "SSD" | "HDD";
  readonly vpcId: string;
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  readonly networkInterfaceIds: readonly string[];
  readonly dnsName: string;
  readonly kmsKeyId?: string;
  readonly windows: WindowsSettings;
  readonly smbEncryption: SmbEncryption;
  readonly tags: readonly FsxTag[];
}

/** The record kind file systems are stored under, keyed by id. */
export const FSX_RECORD = "fsx/file-system";
