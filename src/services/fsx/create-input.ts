/**
 * Reading CreateFileSystem's input for a Windows file system (FSx API
 * CreateFileSystem, CreateFileSystemWindowsConfiguration): the type must
 * be WINDOWS (the only type accesslab emulates), StorageCapacity 32–65536
 * GiB on SSD and 2000–65536 on HDD, SubnetIds and SecurityGroupIds (at
 * most 50 each), ThroughputCapacity one of FSx's values, the deployment
 * type, and the self-managed Active Directory settings whose user the SMB
 * server admits. An AWS Managed Microsoft AD (`ActiveDirectoryId`) is not
 * emulated. The password is read here and never stored or echoed.
 */
import { badRequest, incompatibleParameter } from "./errors.js";
import {
  type Input,
  optionalBoolean,
  optionalInteger,
  optionalObject,
  optionalString,
  optionalStrings,
  requiredString,
} from "./input.js";
import type { FsxTag, SelfManagedAd, WindowsSettings } from "./model.js";
import { readTags } from "./tags.js";

/** ThroughputCapacity values FSx for Windows accepts (MB/s). */
export const THROUGHPUT_VALUES = [
  8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4608, 6144, 9216, 12288,
] as const;

/**
 * An account name as Active Directory allows it (no `&"/\\[]:;|=,+*?<>@`, no
 * control characters); it also keeps the name safe in Samba's files.
 */
const USER_NAME = /^[^&"/\\[\]:;|=,+*?<>@\p{Cc}]{1,256}$/u;

const DEPLOYMENT_TYPES = ["MULTI_AZ_1", "SINGLE_AZ_1", "SINGLE_AZ_2"] as const;

/** A checked CreateFileSystem request (Windows). */
export interface CreateRequest {
  readonly storageCapacity: number;
  readonly storageType: "SSD" | "HDD";
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  readonly kmsKeyId?: string;
  readonly tags: readonly FsxTag[];
  readonly windows: Omit<
    WindowsSettings,
    "preferredFileServerIp" | "remoteAdministrationEndpoint" | "preferredSubnetId"
  > & { readonly preferredSubnetId?: string };
  /** The directory user's password: handed to the SMB server once, never kept. */
  readonly password: string;
}

/**
 * Reads CreateFileSystem's input.
 *
 * @example
 * readCreateRequest({ FileSystemType: "WINDOWS", StorageCapacity: 32, SubnetIds: ["subnet-1"], WindowsConfiguration: { ThroughputCapacity: 8, SelfManagedActiveDirectoryConfiguration: { DomainName: "corp.example.com", UserName: "Admin", Password: "pw", DnsIps: ["10.0.0.10"] } } }).storageType; // "SSD"
 */
export function readCreateRequest(input: Input): CreateRequest {
  const type = requiredString(input, "FileSystemType");
  if (type !== "WINDOWS") {
    throw badRequest(
      `FileSystemType \`${type}\` is not emulated: accesslab emulates FSx for Windows File Server (WINDOWS) only`,
    );
  }
  for (const other of ["LustreConfiguration", "OntapConfiguration", "OpenZFSConfiguration"]) {
    if (input[other] !== undefined && input[other] !== null) {
      throw incompatibleParameter(other, `${other} cannot be used with FileSystemType WINDOWS`);
    }
  }
  const storageType = optionalString(input, "StorageType") ?? "SSD";
  if (storageType !== "SSD" && storageType !== "HDD") {
    throw badRequest(`StorageType \`${storageType}\` must be SSD or HDD`);
  }
  const capacity = optionalInteger(input, "StorageCapacity", 0, 2147483647);
  if (capacity === undefined) throw badRequest("`StorageCapacity` is required");
  const min = storageType === "SSD" ? 32 : 2000;
  if (capacity < min || capacity > 65536) {
    throw badRequest(
      `StorageCapacity ${capacity} is not valid for ${storageType} storage: expected ${min} to 65536 GiB`,
    );
  }
  const subnetIds = optionalStrings(input, "SubnetIds", 50) ?? [];
  if (subnetIds.length === 0) throw badRequest("`SubnetIds` is required");
  const kmsKeyId = optionalString(input, "KmsKeyId", 1, 2048);
  const windows = optionalObject(input, "WindowsConfiguration");
  if (windows === undefined) {
    throw incompatibleParameter(
      "WindowsConfiguration",
      "WindowsConfiguration is required for FileSystemType WINDOWS",
    );
  }
  const { settings, password } = readWindows(windows);
  return {
    storageCapacity: capacity,
    storageType,
    subnetIds,
    securityGroupIds: optionalStrings(input, "SecurityGroupIds", 50) ?? [],
    ...(kmsKeyId === undefined ? {} : { kmsKeyId }),
    tags: readTags(input),
    windows: settings,
    password,
  };
}

function readWindows(windows: Input): {
  settings: CreateRequest["windows"];
  password: string;
} {
  const throughput = optionalInteger(windows, "ThroughputCapacity", 0, 100000);
  if (throughput === undefined)
    throw badRequest("`WindowsConfiguration.ThroughputCapacity` is required");
  if (!(THROUGHPUT_VALUES as readonly number[]).includes(throughput)) {
    throw badRequest(
      `ThroughputCapacity ${throughput} is not valid: expected one of ${THROUGHPUT_VALUES.join(", ")}`,
    );
  }
  const deploymentType = optionalString(windows, "DeploymentType") ?? "SINGLE_AZ_1";
  if (!(DEPLOYMENT_TYPES as readonly string[]).includes(deploymentType)) {
    throw badRequest(
      `DeploymentType \`${deploymentType}\` must be one of ${DEPLOYMENT_TYPES.join(", ")}`,
    );
  }
  if (optionalString(windows, "ActiveDirectoryId") !== undefined) {
    throw badRequest(
      "`ActiveDirectoryId` (AWS Managed Microsoft AD) is not emulated: use `SelfManagedActiveDirectoryConfiguration`",
    );
  }
  const ad = optionalObject(windows, "SelfManagedActiveDirectoryConfiguration");
  if (ad === undefined) {
    throw badRequest(
      "`WindowsConfiguration.SelfManagedActiveDirectoryConfiguration` is required: the SMB server admits its `UserName`",
    );
  }
  const preferredSubnetId = optionalString(windows, "PreferredSubnetId", 15, 24);
  const weekly = optionalString(windows, "WeeklyMaintenanceStartTime", 7, 7);
  const daily = optionalString(windows, "DailyAutomaticBackupStartTime", 5, 5);
  return {
    settings: {
      deploymentType: deploymentType as WindowsSettings["deploymentType"],
      throughputCapacity: throughput,
      ...(preferredSubnetId === undefined ? {} : { preferredSubnetId }),
      selfManagedAd: readAd(ad),
      automaticBackupRetentionDays:
        optionalInteger(windows, "AutomaticBackupRetentionDays", 0, 90) ?? 7,
      copyTagsToBackups: optionalBoolean(windows, "CopyTagsToBackups") ?? false,
      ...(weekly === undefined ? {} : { weeklyMaintenanceStartTime: weekly }),
      ...(daily === undefined ? {} : { dailyAutomaticBackupStartTime: daily }),
    },
    password: readPassword(ad),
  };
}

function readPassword(ad: Input): string {
  const password = requiredString(ad, "Password", 1, 256);
  if (/[\r\n]/.test(password)) throw badRequest("`Password` must not contain line breaks");
  return password;
}

function readAd(ad: Input): SelfManagedAd {
  const dnsIps = optionalStrings(ad, "DnsIps", 3) ?? [];
  if (dnsIps.length === 0)
    throw badRequest("`SelfManagedActiveDirectoryConfiguration.DnsIps` is required");
  const ou = optionalString(ad, "OrganizationalUnitDistinguishedName", 1, 2000);
  const admins = optionalString(ad, "FileSystemAdministratorsGroup", 1, 256);
  const userName = requiredString(ad, "UserName", 1, 256);
  if (!USER_NAME.test(userName)) {
    throw badRequest(
      `UserName \`${userName}\` is not valid: give the account name without a domain`,
    );
  }
  return {
    domainName: requiredString(ad, "DomainName", 1, 255),
    userName,
    dnsIps,
    ...(ou === undefined ? {} : { organizationalUnitDistinguishedName: ou }),
    ...(admins === undefined ? {} : { fileSystemAdministratorsGroup: admins }),
  };
}
