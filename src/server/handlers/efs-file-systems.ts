/**
 * The EFS file system operations over rest-json: CreateFileSystem (201;
 * a reused CreationToken is 409 `FileSystemAlreadyExists` naming the
 * existing file system), DescribeFileSystems (by FileSystemId or
 * CreationToken, Marker/NextMarker pages) and DeleteFileSystem (204;
 * `FileSystemInUse` while mount targets or access points remain).
 */
import { DEFAULT_PAGE_SIZE } from "../../services/efs/assumptions.js";
import type { EfsContext } from "../../services/efs/context.js";
import {
  createFileSystem,
  deleteFileSystem,
  getFileSystem,
  listFileSystems,
} from "../../services/efs/control-plane.js";
import type { FileSystem } from "../../services/efs/model.js";
import { listMountTargets } from "../../services/efs/mount-targets.js";
import { pageOf } from "../../services/efs/pagination.js";
import { anyResourceAsk, fileSystemAsk, requestTagContext } from "./efs-access.js";
import {
  bodyFlag,
  bodyInteger,
  bodyTags,
  bodyText,
  efsId,
  pageSize,
  queryText,
  requiredText,
} from "./efs-input.js";
import { fileSystemDescription } from "./efs-shapes.js";
import { guarded } from "./handler.js";
import type { RestOperation } from "./rest-binding.js";

const FILE_SYSTEM = "/2015-02-01/file-systems/{FileSystemId}";

/**
 * A file system as DescribeFileSystems and CreateFileSystem answer it.
 *
 * @example
 * describeFileSystem(ctx, fs).NumberOfMountTargets; // 0
 */
export function describeFileSystem(ctx: EfsContext, fs: FileSystem) {
  return fileSystemDescription(fs, listMountTargets(ctx, fs.fileSystemId).length);
}

/**
 * The file system operations.
 *
 * @example
 * restBinding([...FILE_SYSTEM_OPERATIONS], accessDenied);
 */
export const FILE_SYSTEM_OPERATIONS: readonly RestOperation[] = [
  {
    name: "CreateFileSystem",
    method: "POST",
    path: "/2015-02-01/file-systems",
    status: 201,
    plan(ctx, { body }) {
      const tags = bodyTags(body);
      const mibps = bodyInteger(body, "ProvisionedThroughputInMibps", 0, Number.MAX_SAFE_INTEGER);
      const kmsKeyId = bodyText(body, "KmsKeyId");
      const encrypted = bodyFlag(body, "Encrypted");
      const performanceMode = bodyText(body, "PerformanceMode");
      const throughputMode = bodyText(body, "ThroughputMode");
      const input = {
        creationToken: requiredText(body, "CreationToken"),
        tags,
        ...(performanceMode !== undefined ? { performanceMode } : {}),
        ...(throughputMode !== undefined ? { throughputMode } : {}),
        ...(mibps !== undefined ? { provisionedThroughputInMibps: mibps } : {}),
        ...(encrypted !== undefined ? { encrypted } : {}),
        ...(kmsKeyId !== undefined ? { kmsKeyId } : {}),
      };
      return guarded(anyResourceAsk("CreateFileSystem", requestTagContext(tags)), () =>
        describeFileSystem(ctx, createFileSystem(ctx, input)),
      );
    },
  },
  {
    name: "DescribeFileSystems",
    method: "GET",
    path: "/2015-02-01/file-systems",
    plan(ctx, input) {
      const max = pageSize(input, "MaxItems", DEFAULT_PAGE_SIZE.fileSystems);
      const marker = queryText(input, "Marker");
      const token = queryText(input, "CreationToken");
      const idText = queryText(input, "FileSystemId");
      const id = idText === undefined ? undefined : efsId("fs", idText, "fileSystemId");
      const ask =
        id === undefined
          ? anyResourceAsk("DescribeFileSystems")
          : fileSystemAsk(ctx, "DescribeFileSystems", id);
      return guarded(ask, () => {
        const all = id !== undefined ? [getFileSystem(ctx, id)] : listFileSystems(ctx);
        const matching = token === undefined ? all : all.filter((f) => f.creationToken === token);
        const page = pageOf(matching, (f) => f.fileSystemId, marker, max);
        return {
          ...(marker !== undefined ? { Marker: marker } : {}),
          FileSystems: page.items.map((fs) => describeFileSystem(ctx, fs)),
          ...(page.next !== undefined ? { NextMarker: page.next } : {}),
        };
      });
    },
  },
  {
    name: "DeleteFileSystem",
    method: "DELETE",
    path: FILE_SYSTEM,
    status: 204,
    plan(ctx, { labels }) {
      const id = efsId("fs", labels.FileSystemId ?? "", "fileSystemId");
      return guarded(fileSystemAsk(ctx, "DeleteFileSystem", id), () => {
        deleteFileSystem(ctx, id);
        return undefined;
      });
    },
  },
];
