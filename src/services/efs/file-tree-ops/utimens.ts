/**
 * `utimens`: sets the access and modification times of what a path names
 * (following symbolic links). Explicit times need the owner or the
 * superuser; "now" (no times given) also suits anyone who may write.
 */
import { maySetTimes } from "../../../engines/posix/index.js";
import type { FileSession, FileStat, FsResult } from "../file-session.js";
import { failWith, succeed } from "../file-session.js";
import { editInode, toFileStat } from "../inode-edit.js";
import { resolvePath } from "../path-walk.js";

/** Explicit times, in milliseconds since the epoch. */
export interface FileTimes {
  readonly atimeMs: number;
  readonly mtimeMs: number;
}

/**
 * Sets the times of `path` to `times`, or both to the clock's now.
 *
 * @example
 * utimens(session, "/data/a.txt", { atimeMs: 0, mtimeMs: 0 });
 */
export function utimens(session: FileSession, path: string, times?: FileTimes): FsResult<FileStat> {
  const found = resolvePath(session, path, { follow: true });
  if (!found.ok) return failWith(found.errno, path);
  const inode = found.value.inode;
  const denied = maySetTimes(session.identity, inode, times !== undefined, session.readOnly);
  if (denied) return failWith(denied, path);
  const now = session.clock();
  const changed = editInode(session.tree, inode, {
    atimeMs: times?.atimeMs ?? now,
    mtimeMs: times?.mtimeMs ?? now,
    ctimeMs: now,
  });
  return succeed(toFileStat(changed));
}
