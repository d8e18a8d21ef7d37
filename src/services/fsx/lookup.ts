/**
 * Finding and keeping FSx file systems in the store: by id (or
 * `FileSystemNotFound`), by ARN for the tagging calls, and by the address
 * or DNS name a workload dials.
 */
import type { ServiceContext } from "../context.js";
import { fileSystemNotFound } from "./errors.js";
import { FSX_RECORD, type FsxFileSystem } from "./model.js";

/**
 * A file system by id, or undefined.
 *
 * @example
 * findFileSystem(ctx, "fs-0123456789abcdef0")?.dnsName;
 */
export function findFileSystem(ctx: ServiceContext, id: string): FsxFileSystem | undefined {
  return ctx.store.records.get<FsxFileSystem>(FSX_RECORD, id);
}

/**
 * A file system by id, or `FileSystemNotFound`.
 *
 * @example
 * getFileSystem(ctx, "fs-0123456789abcdef0").windows.preferredFileServerIp; // "10.0.1.4"
 */
export function getFileSystem(ctx: ServiceContext, id: string): FsxFileSystem {
  const found = findFileSystem(ctx, id);
  if (!found) throw fileSystemNotFound(id);
  return found;
}

/**
 * A file system by its ARN, or undefined.
 *
 * @example
 * findByArn(ctx, "arn:aws:fsx:us-east-1:000000000000:file-system/fs-0123456789abcdef0");
 */
export function findByArn(ctx: ServiceContext, arn: string): FsxFileSystem | undefined {
  const id = /:file-system\/(fs-[0-9a-f]+)$/.exec(arn)?.[1];
  const found = id === undefined ? undefined : findFileSystem(ctx, id);
  return found?.resourceArn === arn ? found : undefined;
}

/**
 * The file system a workload means by `host`: its id, DNS name (any case)
 * or preferred file server address.
 *
 * @example
 * findByHost(ctx, "10.0.1.4")?.fileSystemId; // "fs-0123456789abcdef0"
 */
export function findByHost(ctx: ServiceContext, host: string): FsxFileSystem | undefined {
  const lower = host.toLowerCase();
  return ctx.store.records
    .list<FsxFileSystem>(FSX_RECORD)
    .find(
      (fs) =>
        fs.fileSystemId === host ||
        fs.dnsName === lower ||
        fs.windows.remoteAdministrationEndpoint === lower ||
        fs.windows.preferredFileServerIp === host,
    );
}

/**
 * Stores a file system.
 *
 * @example
 * saveFileSystem(ctx, fs);
 */
export function saveFileSystem(ctx: ServiceContext, fs: FsxFileSystem): void {
  ctx.store.records.put(FSX_RECORD, fs.fileSystemId, fs);
}
