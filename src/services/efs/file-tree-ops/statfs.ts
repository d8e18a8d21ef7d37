/**
 * `statfs`: the figures `df` shows. EFS is elastic and reports a nominal
 * 8 EiB, all of it free, in blocks of 1 MiB (its NFS transfer size); these
 * are fixed values, not measurements of the tree.
 */
import { NAME_MAX } from "../../../engines/posix/index.js";
import type { FileSession, FsResult } from "../file-session.js";
import { failWith, succeed } from "../file-session.js";
import { resolvePath } from "../path-walk.js";

/** File system figures. */
export interface FileSystemStats {
  readonly blockSize: number;
  readonly blocks: number;
  readonly blocksFree: number;
  readonly blocksAvailable: number;
  readonly files: number;
  readonly filesFree: number;
  readonly nameMax: number;
}

const BLOCK_SIZE = 1024 * 1024;
const BLOCKS = 2 ** 43;
const FILES = 2 ** 53 - 1;

/**
 * Figures of the file system holding `path`.
 *
 * @example
 * statfs(session, "/").value?.nameMax; // 255
 */
export function statfs(session: FileSession, path = "/"): FsResult<FileSystemStats> {
  const found = resolvePath(session, path, { follow: true });
  if (!found.ok) return failWith(found.errno, path);
  return succeed({
    blockSize: BLOCK_SIZE,
    blocks: BLOCKS,
    blocksFree: BLOCKS,
    blocksAvailable: BLOCKS,
    files: FILES,
    filesFree: FILES,
    nameMax: NAME_MAX,
  });
}
