/**
 * `open` as Linux's `path_openat` decides it, without keeping a handle:
 * O_CREAT creates a missing last component (following a dangling symbolic
 * link to create its target), O_EXCL refuses an existing one without
 * following it, a trailing slash with O_CREAT is EISDIR, O_TRUNC empties a
 * regular file (and needs write permission even on a read-only open), a
 * file just created is not permission-checked, and O_CREAT with
 * O_DIRECTORY is EINVAL (Linux 6.4 and later). The read and write
 * operations build on it.
 */
import {
  isDirectoryMode,
  isRegularMode,
  isSymlinkMode,
  mayCreate,
  mayOpen,
  mayOpenExistingInSticky,
  modeAfterWrite,
  NO_PROTECTIONS,
  nameTooLong,
} from "../../../engines/posix/index.js";
import type { InodeRecord } from "../../../store/port.js";
import { type DirCursor, lookupChild, parentCursor, rootCursor } from "../dir-cursor.js";
import type { FileSession, FileStat, FsResult } from "../file-session.js";
import { failWith, succeed } from "../file-session.js";
import { createEntry, editInode, toFileStat } from "../inode-edit.js";
import { followTrailing, startWalk, type Walk, walkParent } from "../path-walk.js";

/** The open(2) flags that matter without a handle. */
export interface OpenFlags {
  /** O_RDONLY or O_RDWR; defaults to true when `write` is not set. */
  readonly read?: boolean;
  /** O_WRONLY or O_RDWR. */
  readonly write?: boolean;
  readonly create?: boolean;
  /** O_EXCL (with `create`). */
  readonly exclusive?: boolean;
  readonly truncate?: boolean;
  /** O_APPEND: writes go to the end of the file. */
  readonly append?: boolean;
  /** O_NOFOLLOW: a trailing symbolic link is ELOOP. */
  readonly noFollow?: boolean;
  /** O_DIRECTORY: the result must be a directory. */
  readonly directory?: boolean;
}

/** What an open found or created. */
export interface Opened {
  readonly inode: InodeRecord;
  readonly created: boolean;
}

const fail = <T>(errno: Parameters<typeof failWith>[0]): Walk<T> => ({ ok: false, errno });

/**
 * Opens `path` with `flags`, creating it with `mode` (before the umask)
 * when asked; O_TRUNC is applied. For the data-plane operations.
 *
 * @example
 * openInode(session, "/log.txt", { write: true, create: true, append: true }, 0o644);
 */
export function openInode(
  session: FileSession,
  path: string,
  flags: OpenFlags,
  mode = 0o666,
): Walk<Opened> {
  const create = flags.create ?? false;
  if (create && flags.directory) return fail("EINVAL");
  const root = rootCursor(session);
  if (!root.ok) return root;
  const walker = startWalk(session);
  const exclusive = create && (flags.exclusive ?? false);
  let follow = !(flags.noFollow ?? false) && !exclusive;
  let directory = flags.directory ?? false;
  let walked = walkParent(walker, path, root.value);
  for (;;) {
    if (!walked.ok) return walked;
    const { dir, last } = walked.value;
    if (last.kind !== "normal") {
      const at = last.kind === "dotdot" ? parentCursor(session, dir) : dir;
      return finishOpen(session, dir, at.inode, false, flags, directory);
    }
    if (create && last.trailingSlash) return fail("EISDIR");
    if (last.trailingSlash) {
      follow = true;
      directory = true;
    }
    if (nameTooLong(last.name)) return fail("ENAMETOOLONG");
    const found = lookupChild(session, dir, last.name);
    if (!found) {
      if (!create) return fail("ENOENT");
      const denied = mayCreate(session.identity, dir.inode, session.readOnly);
      if (denied) return fail(denied);
      const inode = createEntry(session, dir.inode.ino, last.name, { type: "file", mode });
      return finishOpen(session, dir, inode, true, flags, directory);
    }
    if (follow && isSymlinkMode(found.mode)) {
      walked = followTrailing(walker, dir, found);
      continue;
    }
    return finishOpen(session, dir, found, false, flags, directory);
  }
}

/** Linux's `do_open`: checks on the inode found, then O_TRUNC. */
function finishOpen(
  session: FileSession,
  dir: DirCursor,
  inode: InodeRecord,
  created: boolean,
  flags: OpenFlags,
  directory: boolean,
): Walk<Opened> {
  const { identity } = session;
  const isDirectory = isDirectoryMode(inode.mode);
  if (flags.create) {
    if (flags.exclusive && !created) return fail("EEXIST");
    if (isDirectory) return fail("EISDIR");
    const protections = session.protections ?? NO_PROTECTIONS;
    const sticky = mayOpenExistingInSticky(identity, dir.inode, inode, protections);
    if (sticky && !created) return fail(sticky);
  }
  if (directory && !isDirectory) return fail("ENOTDIR");
  if (created) return { ok: true, value: { inode, created } };
  const write = flags.write ?? false;
  const read = flags.read ?? !write;
  const truncate = flags.truncate ?? false;
  const denied = mayOpen(identity, inode, { read, write, truncate }, session.readOnly);
  if (denied) return fail(denied);
  if (truncate && isRegularMode(inode.mode)) {
    const now = session.clock();
    session.tree.truncateData(inode.ino, 0);
    const emptied = editInode(session.tree, inode, {
      size: 0,
      mode: modeAfterWrite(identity, inode),
      mtimeMs: now,
      ctimeMs: now,
    });
    return { ok: true, value: { inode: emptied, created } };
  }
  return { ok: true, value: { inode, created } };
}

/** What `open` reports. */
export interface OpenResult {
  readonly stat: FileStat;
  readonly created: boolean;
}

/**
 * Opens `path` and closes it again: creates, truncates and checks access
 * as open(2) would.
 *
 * @example
 * open(session, "/new.txt", { write: true, create: true, exclusive: true }, 0o600);
 */
export function open(
  session: FileSession,
  path: string,
  flags: OpenFlags,
  mode = 0o666,
): FsResult<OpenResult> {
  const opened = openInode(session, path, flags, mode);
  if (!opened.ok) return failWith(opened.errno, path);
  return succeed({ stat: toFileStat(opened.value.inode), created: opened.value.created });
}
