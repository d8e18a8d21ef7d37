/**
 * `unlink`: removes a name that is not a directory. The inode goes with
 * its last name; otherwise it loses a link and its change time is
 * stamped. Sticky directories keep other people's files (EPERM).
 */
import { isDirectoryMode, mayDelete, nameTooLong } from "../../../engines/posix/index.js";
import { lookupChild } from "../dir-cursor.js";
import type { FileSession, FsResult } from "../file-session.js";
import { failWith, succeed } from "../file-session.js";
import { dropLink, stampDirectory } from "../inode-edit.js";
import { walkToParent } from "../path-walk.js";

/**
 * Removes the name `path`.
 *
 * @example
 * unlink(session, "/tmp/old.log"); // { ok: true, value: undefined }
 */
export function unlink(session: FileSession, path: string): FsResult<void> {
  const walked = walkToParent(session, path);
  if (!walked.ok) return failWith(walked.errno, path);
  const { dir, last } = walked.value;
  if (last.kind !== "normal") return failWith("EISDIR", path);
  if (nameTooLong(last.name)) return failWith("ENAMETOOLONG", path);
  const victim = lookupChild(session, dir, last.name);
  if (!victim) return failWith("ENOENT", path);
  if (last.trailingSlash)
    return failWith(isDirectoryMode(victim.mode) ? "EISDIR" : "ENOTDIR", path);
  const denied = mayDelete(session.identity, dir.inode, victim, false, session.readOnly);
  if (denied) return failWith(denied, path);
  const now = session.clock();
  session.tree.removeEntry(dir.inode.ino, last.name);
  dropLink(session.tree, victim.ino, now);
  stampDirectory(session.tree, dir.inode.ino, now);
  return succeed(undefined);
}
