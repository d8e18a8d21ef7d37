/**
 * `stat` and `lstat` (getattr), and `lookup`: resolve a path, following a
 * trailing symbolic link or not, and return the inode's attributes. Only
 * search permission on the way is needed; the file's own mode does not
 * matter.
 */
import type { FileSession, FileStat, FsResult } from "../file-session.js";
import { failWith, succeed } from "../file-session.js";
import { toFileStat } from "../inode-edit.js";
import { resolvePath } from "../path-walk.js";

/**
 * Attributes of what `path` names, following symbolic links.
 *
 * @example
 * stat(session, "/data/report.txt"); // { ok: true, value: { type: "file", mode: 0o100644, ... } }
 */
export function stat(session: FileSession, path: string): FsResult<FileStat> {
  const found = resolvePath(session, path, { follow: true });
  return found.ok ? succeed(toFileStat(found.value.inode)) : failWith(found.errno, path);
}

/**
 * Attributes of `path` itself: a trailing symbolic link is not followed.
 *
 * @example
 * lstat(session, "/latest").value?.type; // "symlink"
 */
export function lstat(session: FileSession, path: string): FsResult<FileStat> {
  const found = resolvePath(session, path, { follow: false });
  return found.ok ? succeed(toFileStat(found.value.inode)) : failWith(found.errno, path);
}

/**
 * What a name holds, as an NFS LOOKUP answers it: the inode itself, a
 * trailing symbolic link not followed (the same as `lstat`).
 *
 * @example
 * lookup(session, "/data/report.txt").value?.ino; // 7
 */
export function lookup(session: FileSession, path: string): FsResult<FileStat> {
  return lstat(session, path);
}
