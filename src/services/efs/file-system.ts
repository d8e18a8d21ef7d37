/**
 * A new EFS file system's tree: the root directory is inode 1 (`ROOT_INO`,
 * the first number a fresh store allocates), owned by root:root with mode
 * 0755, as AWS creates it (aws-facts A14). Directories report a size of
 * 6144 bytes, what `ls -l` shows for directories on EFS (observed, not
 * documented); the value only feeds `stat`.
 */
import { S_IFDIR } from "../../engines/posix/index.js";
import type { InodeRecord, TreeStore } from "../../store/port.js";

/** Inode number of a file system's root directory. */
export const ROOT_INO = 1;

/** `st_size` of every directory. */
export const DIRECTORY_SIZE = 6144;

/**
 * Creates the root directory of an empty tree and returns it; on a tree
 * that already has a root, returns the existing root unchanged.
 *
 * @example
 * const root = initializeFileSystem(memoryTree(), Date.now());
 * root.ino; // 1
 * root.mode.toString(8); // "40755"
 */
export function initializeFileSystem(tree: TreeStore, nowMs: number): InodeRecord {
  const existing = tree.getInode(ROOT_INO);
  if (existing) return existing;
  tree.allocateIno();
  const root: InodeRecord = {
    ino: ROOT_INO,
    mode: S_IFDIR | 0o755,
    uid: 0,
    gid: 0,
    nlink: 2,
    size: DIRECTORY_SIZE,
    atimeMs: nowMs,
    mtimeMs: nowMs,
    ctimeMs: nowMs,
  };
  tree.putInode(root);
  return root;
}
