/**
 * DeleteFileSystem: removes the file system at once (FSx answers
 * Lifecycle DELETING and finishes later; accesslab has nothing to wait
 * for), stops its SMB server and removes the server's directories and the
 * share's files. Final backups are not emulated: the request's
 * `WindowsConfiguration` is read and echoed.
 */
import type { ServiceContext } from "../context.js";
import { badRequest } from "./errors.js";
import { type Input, optionalBoolean, optionalObject, requiredString } from "./input.js";
import { getFileSystem } from "./lookup.js";
import { FSX_RECORD } from "./model.js";

/** A checked DeleteFileSystem request. */
export interface DeleteRequest {
  readonly fileSystemId: string;
  readonly skipFinalBackup: boolean;
}

/**
 * Reads DeleteFileSystem's input.
 *
 * @example
 * readDeleteRequest({ FileSystemId: "fs-0123456789abcdef0" }).skipFinalBackup; // false
 */
export function readDeleteRequest(input: Input): DeleteRequest {
  const fileSystemId = requiredString(input, "FileSystemId", 11, 21);
  for (const other of ["LustreConfiguration", "OpenZFSConfiguration"]) {
    if (input[other] !== undefined) throw badRequest(`\`${other}\` does not apply to WINDOWS`);
  }
  const windows = optionalObject(input, "WindowsConfiguration") ?? {};
  return { fileSystemId, skipFinalBackup: optionalBoolean(windows, "SkipFinalBackup") ?? false };
}

/**
 * Removes the file system's record (the synchronous half of
 * DeleteFileSystem; CloudFormation's handler, which runs synchronously,
 * removes the SMB server after).
 *
 * @example
 * forgetFileSystem(ctx, "fs-0123456789abcdef0"); // throws FileSystemNotFound when there is none
 */
export function forgetFileSystem(ctx: ServiceContext, fileSystemId: string): void {
  ctx.store.transaction(() => {
    getFileSystem(ctx, fileSystemId);
    ctx.store.records.delete(FSX_RECORD, fileSystemId);
  });
}

/**
 * Deletes the file system and its SMB server's data.
 *
 * @example
 * await deleteFileSystem(ctx, { fileSystemId: "fs-0123456789abcdef0", skipFinalBackup: true });
 * // { FileSystemId: "fs-0123456789abcdef0", Lifecycle: "DELETING", WindowsResponse: {} }
 */
export async function deleteFileSystem(
  ctx: ServiceContext,
  request: DeleteRequest,
): Promise<object> {
  forgetFileSystem(ctx, request.fileSystemId);
  await ctx.smbServers?.remove(request.fileSystemId);
  return {
    FileSystemId: request.fileSystemId,
    Lifecycle: "DELETING",
    WindowsResponse: {},
  };
}
