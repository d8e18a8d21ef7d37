/**
 * `AWS::FSx::FileSystem`: CreateFileSystem for FSx for Windows File Server
 * (FileSystemType WINDOWS only; the others are refused with FSx's own
 * `BadRequest`), from StorageCapacity, StorageType, SubnetIds,
 * SecurityGroupIds, KmsKeyId, WindowsConfiguration (ThroughputCapacity,
 * DeploymentType, PreferredSubnetId, the backup and maintenance settings,
 * SelfManagedActiveDirectoryConfiguration with DomainName, UserName,
 * Password, DnsIps, FileSystemAdministratorsGroup,
 * OrganizationalUnitDistinguishedName) and Tags (the tag
 * `accesslab:smb-encryption` sets encryption in transit), authorized as
 * `fsx:CreateFileSystem` on the ARN it gets. `Ref` is the file system id;
 * `Fn::GetAtt` has `DNSName` and `ResourceARN` (CloudFormation's
 * `RootVolumeId` and `LustreMountName` do not apply to WINDOWS). The
 * deployer runs synchronously and a Samba server takes a moment to
 * listen, so the record is made at once and the SMB server (when the
 * composition runs them) starts in the background; deleting the resource
 * removes the record at once and the server once its start has settled.
 */

import { isSymbolic } from "../../../templates/model.js";
import {
  newFileSystemIdentity,
  startSmbServer,
  storeFileSystem,
} from "../../fsx/create-file-system.js";
import { readCreateRequest } from "../../fsx/create-input.js";
import { forgetFileSystem } from "../../fsx/delete-file-system.js";
import type { Input } from "../../fsx/input.js";
import { findFileSystem } from "../../fsx/lookup.js";
import type { PropertyReader, Props } from "../properties.js";
import { present } from "../properties.js";
import { type ResourceHandler, undoString } from "../resource-handler.js";

/**
 * What stands for a `Password` accesslab cannot know where no SMB server
 * runs (`check`, which leaves `{{resolve:secretsmanager:…}}` symbolic, or
 * an `ssm-secure` reference under `deploy --in-memory`): FSx only hands it
 * to the server, so no decision depends on it. The deployer resolves a
 * Secrets Manager reference before the handler runs, so under `serve` and
 * `deploy` the handler sees the secret's value.
 */
const UNKNOWN_PASSWORD_STAND_IN = "unknown-password";

/** SMB server starts still in flight, by file system id (a removal waits for its start). */
const starting = new Map<string, Promise<void>>();

/**
 * The handler of `AWS::FSx::FileSystem`.
 *
 * @example
 * FSX_FILE_SYSTEM.create(env, props).attributes.DNSName; // "amznfsxab12cd34.corp.example.com"
 */
export const FSX_FILE_SYSTEM: ResourceHandler = {
  create(env, props) {
    const { ctx } = env;
    const request = readCreateRequest(fsxInput(props, ctx.smbServers === undefined));
    const identity = newFileSystemIdentity(ctx);
    env.allow("fsx:CreateFileSystem", identity.resourceArn);
    const fs = storeFileSystem(ctx, request, identity);
    const start = startSmbServer(ctx, fs, request.password).catch(() => {
      // The SMB servers never throw: a failed start is answered by their `address`.
    });
    starting.set(fs.fileSystemId, start);
    void start.finally(() => {
      if (starting.get(fs.fileSystemId) === start) starting.delete(fs.fileSystemId);
    });
    return {
      physicalId: fs.fileSystemId,
      attributes: { DNSName: fs.dnsName, ResourceARN: fs.resourceArn },
      undo: { fileSystemId: fs.fileSystemId },
    };
  },
  remove(ctx, undo) {
    const id = undoString(undo, "fileSystemId");
    if (findFileSystem(ctx, id) === undefined) return;
    forgetFileSystem(ctx, id);
    const servers = ctx.smbServers;
    if (servers === undefined) return;
    const before = starting.get(id) ?? Promise.resolve();
    starting.delete(id);
    void before.then(() => servers.remove(id)).catch(() => {});
  },
};

/**
 * The FSx API's CreateFileSystem input from the resource's properties
 * (the same names; numbers and booleans given as strings are read as
 * CloudFormation reads them).
 */
function fsxInput(props: PropertyReader, serverless: boolean): Input {
  const windows = props.object("WindowsConfiguration");
  return {
    FileSystemType: props.string("FileSystemType"),
    ...present("StorageCapacity", props.optionalNumber("StorageCapacity")),
    ...present("StorageType", props.optionalString("StorageType")),
    SubnetIds: props.strings("SubnetIds"),
    SecurityGroupIds: props.strings("SecurityGroupIds"),
    ...present("KmsKeyId", props.optionalString("KmsKeyId")),
    Tags: props.tags("Tags").map((t) => ({ Key: t.key, Value: t.value })),
    ...present(
      "WindowsConfiguration",
      windows === undefined ? undefined : windowsInput(props.nested(windows), serverless),
    ),
    ...others(props, ["LustreConfiguration", "OntapConfiguration", "OpenZFSConfiguration"]),
  };
}

function windowsInput(w: PropertyReader, serverless: boolean): Input {
  const ad = w.object("SelfManagedActiveDirectoryConfiguration");
  return {
    ...present("ThroughputCapacity", w.optionalNumber("ThroughputCapacity")),
    ...present("DeploymentType", w.optionalString("DeploymentType")),
    ...present("PreferredSubnetId", w.optionalString("PreferredSubnetId")),
    ...present("ActiveDirectoryId", w.optionalString("ActiveDirectoryId")),
    ...present("AutomaticBackupRetentionDays", w.optionalNumber("AutomaticBackupRetentionDays")),
    ...present("CopyTagsToBackups", w.optionalBoolean("CopyTagsToBackups")),
    ...present("WeeklyMaintenanceStartTime", w.optionalString("WeeklyMaintenanceStartTime")),
    ...present("DailyAutomaticBackupStartTime", w.optionalString("DailyAutomaticBackupStartTime")),
    ...present(
      "SelfManagedActiveDirectoryConfiguration",
      ad === undefined ? undefined : adInput(w.nested(ad), serverless),
    ),
  };
}

/**
 * The directory settings; a `Password` accesslab cannot know (a dynamic
 * reference `check` leaves symbolic, an `ssm-secure` one anywhere) is
 * replaced by a stand-in when no SMB server will ever be given it, and
 * refused otherwise.
 */
function adInput(ad: PropertyReader, serverless: boolean): Input {
  const unknowable = serverless && isSymbolic(ad.props.Password);
  return {
    ...present("DomainName", ad.optionalString("DomainName")),
    ...present("UserName", ad.optionalString("UserName")),
    Password: unknowable ? UNKNOWN_PASSWORD_STAND_IN : ad.optionalString("Password"),
    DnsIps: ad.strings("DnsIps"),
    ...present(
      "OrganizationalUnitDistinguishedName",
      ad.optionalString("OrganizationalUnitDistinguishedName"),
    ),
    ...present("FileSystemAdministratorsGroup", ad.optionalString("FileSystemAdministratorsGroup")),
  };
}

/** Other file system types' configurations, passed on so FSx refuses them. */
function others(props: PropertyReader, keys: readonly string[]): Input {
  const given: Record<string, Props> = {};
  for (const key of keys) {
    const value = props.object(key);
    if (value !== undefined) given[key] = value;
  }
  return given;
}
