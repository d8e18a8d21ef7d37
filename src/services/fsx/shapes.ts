/**
 * A stored file system as FSx's API describes it (FSx API FileSystem,
 * WindowsFileSystemConfiguration): times as epoch seconds, Lifecycle
 * AVAILABLE (accesslab creates at once), the self-managed directory
 * settings without the password, the DNS name, preferred file server
 * address and remote administration endpoint clients use.
 */
import type { FsxFileSystem } from "./model.js";

/**
 * The wire shape of a file system.
 *
 * @example
 * fileSystemShape(fs).Lifecycle; // "AVAILABLE"
 */
export function fileSystemShape(fs: FsxFileSystem): Record<string, unknown> {
  const w = fs.windows;
  const ad = w.selfManagedAd;
  return {
    OwnerId: fs.ownerId,
    CreationTime: fs.creationTimeMs / 1000,
    FileSystemId: fs.fileSystemId,
    FileSystemType: "WINDOWS",
    Lifecycle: "AVAILABLE",
    StorageCapacity: fs.storageCapacity,
    StorageType: fs.storageType,
    VpcId: fs.vpcId,
    SubnetIds: fs.subnetIds,
    NetworkInterfaceIds: fs.networkInterfaceIds,
    DNSName: fs.dnsName,
    ...(fs.kmsKeyId === undefined ? {} : { KmsKeyId: fs.kmsKeyId }),
    ResourceARN: fs.resourceArn,
    Tags: fs.tags,
    WindowsConfiguration: {
      SelfManagedActiveDirectoryConfiguration: {
        DomainName: ad.domainName,
        UserName: ad.userName,
        DnsIps: ad.dnsIps,
        ...(ad.organizationalUnitDistinguishedName === undefined
          ? {}
          : { OrganizationalUnitDistinguishedName: ad.organizationalUnitDistinguishedName }),
        ...(ad.fileSystemAdministratorsGroup === undefined
          ? {}
          : { FileSystemAdministratorsGroup: ad.fileSystemAdministratorsGroup }),
      },
      DeploymentType: w.deploymentType,
      RemoteAdministrationEndpoint: w.remoteAdministrationEndpoint,
      PreferredSubnetId: w.preferredSubnetId,
      PreferredFileServerIp: w.preferredFileServerIp,
      ThroughputCapacity: w.throughputCapacity,
      MaintenanceOperationsInProgress: [],
      ...(w.weeklyMaintenanceStartTime === undefined
        ? {}
        : { WeeklyMaintenanceStartTime: w.weeklyMaintenanceStartTime }),
      ...(w.dailyAutomaticBackupStartTime === undefined
        ? {}
        : { DailyAutomaticBackupStartTime: w.dailyAutomaticBackupStartTime }),
      AutomaticBackupRetentionDays: w.automaticBackupRetentionDays,
      CopyTagsToBackups: w.copyTagsToBackups,
      Aliases: [],
    },
  };
}
