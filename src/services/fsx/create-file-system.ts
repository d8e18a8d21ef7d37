/**
 * CreateFileSystem for FSx for Windows File Server: checks the request
 * (`create-input.ts`) and the quota, places the file system in its VPC
 * (`placement.ts`), stores it AVAILABLE at once with its id, ARN, network
 * interfaces, DNS name in the directory's domain and preferred file
 * server address, then asks the SMB servers (when the composition has
 * them) to start its server with the directory user and password. A
 * server that cannot start leaves the API answer untouched: data access
 * then fails with the reason (see `smb-endpoint.ts`).
 */
import type { ServiceContext } from "../context.js";
import { WINDOWS_FILE_SYSTEM_QUOTA } from "./assumptions.js";
import type { CreateRequest } from "./create-input.js";
import { serviceLimitExceeded } from "./errors.js";
import { fsxArn, newFileSystemId, newInterfaceId, windowsDnsName } from "./ids.js";
import { saveFileSystem } from "./lookup.js";
import { FSX_RECORD, type FsxFileSystem } from "./model.js";
import { placeFileSystem } from "./placement.js";
import { fileSystemShape } from "./shapes.js";
import { encryptionFromTags } from "./smb-settings.js";

/** The id and ARN a new file system will get, chosen when the call is planned. */
export interface NewFileSystemId {
  readonly fileSystemId: string;
  readonly resourceArn: string;
}

/**
 * Picks the id and ARN of a new file system (so the call is authorized on the ARN it gets).
 *
 * @example
 * newFileSystemIdentity(ctx).resourceArn; // "arn:aws:fsx:us-east-1:000000000000:file-system/fs-…"
 */
export function newFileSystemIdentity(ctx: ServiceContext): NewFileSystemId {
  const fileSystemId = newFileSystemId(ctx.random);
  return { fileSystemId, resourceArn: fsxArn(ctx.region, ctx.account, fileSystemId) };
}

/**
 * Stores the new file system (the synchronous half of CreateFileSystem:
 * the quota, the placement, the record), without starting its SMB server;
 * CloudFormation's handler, which runs synchronously, starts it after.
 *
 * @example
 * storeFileSystem(ctx, readCreateRequest(input), newFileSystemIdentity(ctx)).smbEncryption; // "off"
 */
export function storeFileSystem(
  ctx: ServiceContext,
  request: CreateRequest,
  identity: NewFileSystemId,
): FsxFileSystem {
  const encryption = encryptionFromTags(request.tags);
  return ctx.store.transaction(() => {
    if (ctx.store.records.count(FSX_RECORD) >= WINDOWS_FILE_SYSTEM_QUOTA) {
      throw serviceLimitExceeded(
        "FILE_SYSTEM_COUNT",
        `you have reached the quota of ${WINDOWS_FILE_SYSTEM_QUOTA} file systems in this account and region`,
      );
    }
    const placed = placeFileSystem(ctx, request);
    const dnsName = windowsDnsName(ctx.random, request.windows.selfManagedAd.domainName);
    const multi = request.windows.deploymentType === "MULTI_AZ_1";
    const record: FsxFileSystem = {
      ...identity,
      ownerId: ctx.account,
      creationTimeMs: ctx.clock(),
      storageCapacity: request.storageCapacity,
      storageType: request.storageType,
      vpcId: placed.vpcId,
      subnetIds: placed.subnets.map((s) => s.subnetId),
      securityGroupIds: placed.securityGroupIds,
      networkInterfaceIds: placed.subnets.map(() => newInterfaceId(ctx.random)),
      dnsName,
      ...(request.kmsKeyId === undefined ? {} : { kmsKeyId: request.kmsKeyId }),
      windows: {
        ...request.windows,
        preferredSubnetId: placed.preferredSubnetId,
        preferredFileServerIp: placed.preferredFileServerIp,
        remoteAdministrationEndpoint: multi
          ? windowsDnsName(ctx.random, request.windows.selfManagedAd.domainName)
          : dnsName,
      },
      smbEncryption: encryption,
      tags: request.tags,
    };
    saveFileSystem(ctx, record);
    return record;
  });
}

/**
 * Starts the SMB server of a stored file system with its directory user's
 * password (nothing when the composition runs no SMB servers).
 *
 * @example
 * await startSmbServer(ctx, fs, "pw");
 */
export async function startSmbServer(
  ctx: ServiceContext,
  fs: FsxFileSystem,
  password: string,
): Promise<void> {
  await ctx.smbServers?.start(
    {
      fileSystemId: fs.fileSystemId,
      userName: fs.windows.selfManagedAd.userName,
      encryption: fs.smbEncryption,
    },
    password,
  );
}

/**
 * Creates the file system and starts its SMB server.
 *
 * @example
 * await createFileSystem(ctx, readCreateRequest(input), newFileSystemIdentity(ctx)); // { FileSystem: { … } }
 */
export async function createFileSystem(
  ctx: ServiceContext,
  request: CreateRequest,
  identity: NewFileSystemId,
): Promise<object> {
  const fs = storeFileSystem(ctx, request, identity);
  await startSmbServer(ctx, fs, request.password);
  return { FileSystem: fileSystemShape(fs) };
}
