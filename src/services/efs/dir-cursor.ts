/**
 * Directory cursors: a directory reached by a path walk together with the
 * chain of directories from the session root down to it. The chain is what
 * makes `..` physical (the parent of a directory reached through a
 * symbolic link is its real parent) and confined (the session root is its
 * own parent), and what tells rename whether one directory lies inside
 * another.
 */
import { type Errno, isDirectoryMode } from "../../engines/posix/index.js";
import type { InodeRecord } from "../../store/port.js";
import type { FileSession } from "./file-session.js";

/** A directory reached by a walk, with the directories from the session root down to it. */
export interface DirCursor {
  /** Inode numbers from the session root to this directory, both included. */
  readonly stack: readonly number[];
  readonly inode: InodeRecord;
}

/**
 * The cursor of the session root.
 *
 * @example
 * const root = rootCursor(session);
 * if (root.ok) root.value.stack; // [session.rootIno]
 */
export function rootCursor(
  session: FileSession,
): { ok: true; value: DirCursor } | { ok: false; errno: Errno } {
  const inode = session.tree.getInode(session.rootIno);
  if (!inode || !isDirectoryMode(inode.mode)) return { ok: false, errno: "ENOENT" };
  return { ok: true, value: { stack: [session.rootIno], inode } };
}

/**
 * The cursor of `dir`'s parent; the session root is its own parent.
 *
 * @example
 * parentCursor(session, root) === root; // true: `..` of the session root is itself
 */
export function parentCursor(session: FileSession, dir: DirCursor): DirCursor {
  if (dir.stack.length <= 1) return dir;
  const stack = dir.stack.slice(0, -1);
  const inode = session.tree.getInode(stack[stack.length - 1] as number);
  return inode ? { stack, inode } : dir;
}

/**
 * The cursor of subdirectory `inode` of `dir`.
 *
 * @example
 * childCursor(rootDir, inodeOfA).stack; // [1, inodeOfA.ino]
 */
export function childCursor(dir: DirCursor, inode: InodeRecord): DirCursor {
  return { stack: [...dir.stack, inode.ino], inode };
}

/**
 * Looks up `name` in `dir` without any permission check (the walk made it).
 *
 * @example
 * lookupChild(session, dir, "a"); // the inode of `a`, or undefined
 */
export function lookupChild(
  session: FileSession,
  dir: DirCursor,
  name: string,
): InodeRecord | undefined {
  const ino = session.tree.lookup(dir.inode.ino, name);
  return ino === undefined ? undefined : session.tree.getInode(ino);
}
