/**
 * The EFS control plane: file systems, access points and file system
 * policies, kept in the store. Every call either succeeds or throws an
 * {@link EfsError} with the code AWS would return; nothing half-done stays
 * behind (each call is one store transaction).
 */
import { parsePolicy } from "../../engines/policy/parse.js";
import { invalidPolicyMessage } from "../service-error.js";
import { ACCESS_POINT_LIMIT } from "./assumptions.js";
import { type EfsContext, RECORD } from "./context.js";
import {
  accessPointAlreadyExists,
  accessPointLimitExceeded,
  accessPointNotFound,
  badRequest,
  fileSystemAlreadyExists,
  fileSystemInUse,
  fileSystemNotFound,
  invalidPolicy,
  policyNotFound,
} from "./errors.js";
import { type FileSystemOptions, fileSystemFields } from "./file-system-options.js";
import { initializeFileSystem } from "./file-tree.js";
import { accessPointArn, fileSystemArn, newEfsId } from "./ids.js";
import type {
  AccessPoint,
  EfsTag,
  FileSystem,
  MountTarget,
  PosixUser,
  RootDirectory,
} from "./model.js";
import { checkTags, tagFields } from "./tag-rules.js";
import { checkAccessPointInput } from "./validate-access-point.js";

/** EFS file system policies are limited to 20,000 characters (aws-facts B11). */
export const FILE_SYSTEM_POLICY_LIMIT = 20_000;

/**
 * CreateFileSystem: a new, empty file system whose root is root:root 0755.
 * The options (modes, encryption, tags) get the EFS API defaults; a `Name`
 * tag names the file system, as does `name` when there is no such tag.
 *
 * @example
 * const fs = createFileSystem(ctx, { creationToken: "app-data" });
 */
export function createFileSystem(
  ctx: EfsContext,
  input: { creationToken: string; name?: string } & FileSystemOptions,
): FileSystem {
  if (!input.creationToken || input.creationToken.length > 64)
    throw badRequest("CreationToken must be 1 to 64 characters");
  const { creationToken: _token, name: _name, ...options } = input;
  const fields = fileSystemFields(options);
  return ctx.store.transaction(() => {
    const existing = listFileSystems(ctx).find((f) => f.creationToken === input.creationToken);
    if (existing) throw fileSystemAlreadyExists(existing.fileSystemId);
    const fileSystemId = newEfsId("fs", ctx.random);
    const fs: FileSystem = {
      fileSystemId,
      arn: fileSystemArn(ctx.region, ctx.account, fileSystemId),
      ownerId: ctx.account,
      region: ctx.region,
      creationToken: input.creationToken,
      creationTimeMs: ctx.clock(),
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...fields,
    };
    ctx.store.records.put(RECORD.fileSystem, fileSystemId, fs);
    initializeFileSystem(ctx.store.tree(fileSystemId), fs.creationTimeMs);
    return fs;
  });
}

/** All file systems, in id order. */
export function listFileSystems(ctx: EfsContext): FileSystem[] {
  return ctx.store.records.list<FileSystem>(RECORD.fileSystem);
}

/** One file system, or FileSystemNotFound. */
export function getFileSystem(ctx: EfsContext, fileSystemId: string): FileSystem {
  const fs = ctx.store.records.get<FileSystem>(RECORD.fileSystem, fileSystemId);
  if (!fs) throw fileSystemNotFound(fileSystemId);
  return fs;
}

/** DeleteFileSystem: refused while access points or mount targets remain. */
export function deleteFileSystem(ctx: EfsContext, fileSystemId: string): void {
  ctx.store.transaction(() => {
    getFileSystem(ctx, fileSystemId);
    const mounted = ctx.store.records
      .list<MountTarget>(RECORD.mountTarget)
      .some((mt) => mt.fileSystemId === fileSystemId);
    if (mounted || listAccessPoints(ctx, fileSystemId).length > 0)
      throw fileSystemInUse(fileSystemId);
    ctx.store.records.delete(RECORD.fileSystem, fileSystemId);
    ctx.store.dropTree(fileSystemId);
  });
}

/**
 * CreateAccessPoint. The root directory is not created here but at the
 * first mount (aws-facts A7). A ClientToken already used answers the same
 * access point when the request is the same, else AccessPointAlreadyExists.
 */
export function createAccessPoint(
  ctx: EfsContext,
  input: {
    fileSystemId: string;
    posixUser?: PosixUser;
    rootDirectory?: RootDirectory;
    name?: string;
    clientToken?: string;
    tags?: readonly EfsTag[];
  },
): AccessPoint {
  const rootDirectory = input.rootDirectory ?? { path: "/" };
  const problem = checkAccessPointInput(input.posixUser, rootDirectory);
  if (problem) throw problem;
  if (
    input.clientToken !== undefined &&
    (input.clientToken.length < 1 || input.clientToken.length > 64)
  )
    throw badRequest("ClientToken must be 1 to 64 characters");
  const tags = input.tags ?? [];
  checkTags(tags);
  return ctx.store.transaction(() => {
    getFileSystem(ctx, input.fileSystemId);
    const earlier =
      input.clientToken === undefined
        ? undefined
        : listAccessPoints(ctx).find((ap) => ap.clientToken === input.clientToken);
    if (earlier) {
      const same =
        earlier.fileSystemId === input.fileSystemId &&
        JSON.stringify([earlier.posixUser, earlier.rootDirectory.path]) ===
          JSON.stringify([input.posixUser, rootDirectory.path]);
      if (same) return earlier;
      throw accessPointAlreadyExists(earlier.accessPointId);
    }
    if (listAccessPoints(ctx, input.fileSystemId).length >= ACCESS_POINT_LIMIT)
      throw accessPointLimitExceeded(input.fileSystemId);
    const accessPointId = newEfsId("fsap", ctx.random);
    const ap: AccessPoint = {
      accessPointId,
      accessPointArn: accessPointArn(ctx.region, ctx.account, accessPointId),
      fileSystemId: input.fileSystemId,
      ownerId: ctx.account,
      rootDirectory,
      ...(input.posixUser ? { posixUser: input.posixUser } : {}),
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.clientToken !== undefined ? { clientToken: input.clientToken } : {}),
      ...(tags.length > 0 ? tagFields(tags) : {}),
    };
    ctx.store.records.put(RECORD.accessPoint, accessPointId, ap);
    return ap;
  });
}

/** Access points, optionally of one file system, in id order. */
export function listAccessPoints(ctx: EfsContext, fileSystemId?: string): AccessPoint[] {
  return fileSystemId === undefined
    ? ctx.store.records.list<AccessPoint>(RECORD.accessPoint)
    : ctx.store.records.listWhere<AccessPoint>(RECORD.accessPoint, "fileSystemId", fileSystemId);
}

/** One access point, or AccessPointNotFound. */
export function getAccessPoint(ctx: EfsContext, accessPointId: string): AccessPoint {
  const ap = ctx.store.records.get<AccessPoint>(RECORD.accessPoint, accessPointId);
  if (!ap) throw accessPointNotFound(accessPointId);
  return ap;
}

/** DeleteAccessPoint (the root directory and its files stay, as on AWS). */
export function deleteAccessPoint(ctx: EfsContext, accessPointId: string): void {
  ctx.store.transaction(() => {
    getAccessPoint(ctx, accessPointId);
    ctx.store.records.delete(RECORD.accessPoint, accessPointId);
  });
}

/** PutFileSystemPolicy: the policy must parse and be at most 20,000 characters. */
export function putFileSystemPolicy(
  ctx: EfsContext,
  fileSystemId: string,
  policy: string,
): FileSystem {
  if (policy.length > FILE_SYSTEM_POLICY_LIMIT)
    throw invalidPolicy(
      `policy is ${policy.length} characters; the limit is ${FILE_SYSTEM_POLICY_LIMIT}`,
    );
  const { issues } = parsePolicy(policy);
  const first = issues[0];
  if (first) throw invalidPolicy(invalidPolicyMessage(first));
  return ctx.store.transaction(() => {
    const fs = { ...getFileSystem(ctx, fileSystemId), policy };
    ctx.store.records.put(RECORD.fileSystem, fileSystemId, fs);
    return fs;
  });
}

/** DescribeFileSystemPolicy: PolicyNotFound while the default policy is in effect (aws-facts B6). */
export function describeFileSystemPolicy(ctx: EfsContext, fileSystemId: string): string {
  const fs = getFileSystem(ctx, fileSystemId);
  if (fs.policy === undefined) throw policyNotFound(fileSystemId);
  return fs.policy;
}

/** DeleteFileSystemPolicy: the default policy is in effect again. */
export function deleteFileSystemPolicy(ctx: EfsContext, fileSystemId: string): void {
  ctx.store.transaction(() => {
    const { policy: _dropped, ...rest } = getFileSystem(ctx, fileSystemId);
    ctx.store.records.put(RECORD.fileSystem, fileSystemId, rest);
  });
}
