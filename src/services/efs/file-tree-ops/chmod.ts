/**
 * `chmod`: the owner or the superuser sets the twelve permission bits of
 * what a path names (following symbolic links); S_ISGID is dropped for a
 * caller outside the file's group.
 */
import { decideChmod } from "../../../engines/posix/index.js";
import type { FileSession, FileStat, FsResult } from "../file-session.js";
import { failWith, succeed } from "../file-session.js";
import { editInode, toFileStat } from "../inode-edit.js";
import { resolvePath } from "../path-walk.js";

/**
 * Sets the mode of `path` to `mode` (permission bits).
 *
 * @example
 * chmod(session, "/shared", 0o2775);
 */
export function chmod(session: FileSession, path: string, mode: number): FsResult<FileStat> {
  const found = resolvePath(session, path, { follow: true });
  if (!found.ok) return failWith(found.errno, path);
  const inode = found.value.inode;
  const decision = decideChmod(session.identity, inode, mode, session.readOnly);
  if (!decision.ok) return failWith(decision.errno, path);
  const now = session.clock();
  return succeed(toFileStat(editInode(session.tree, inode, { mode: decision.mode, ctimeMs: now })));
}
