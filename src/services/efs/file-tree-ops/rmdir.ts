/**
 * `rmdir`: removes an empty directory. As in Linux, `..` as the last
 * component is ENOTEMPTY, `.` is EINVAL and the root itself is EBUSY; a
 * symbolic link, even to a directory, is ENOTDIR. The parent loses the
 * link the directory's `..` held.
 */
import { mayDelete, nameTooLong } from "../../../engines/posix/index.js";
import { lookupChild } from "../dir-cursor.js";
import type { FileSession, FsResult } from "../file-session.js";
import { failWith, succeed } from "../file-session.js";
import { stampDirectory } from "../inode-edit.js";
import { walkToParent } from "../path-walk.js";

/**
 * Removes the empty directory `path`.
 *
 * @example
 * rmdir(session, "/scratch"); // { ok: false, errno: "ENOTEMPTY", path: "/scratch" } while it has entries
 */
export function rmdir(session: FileSession, path: string): FsResult<void> {
  const walked = walkToParent(session, path);
  if (!walked.ok) return failWith(walked.errno, path);
  const { dir, last } = walked.value;
  if (last.kind === "dotdot") return failWith("ENOTEMPTY", path);
  if (last.kind === "dot") return failWith("EINVAL", path);
  if (last.kind === "root") return failWith("EBUSY", path);
  if (nameTooLong(last.name)) return failWith("ENAMETOOLONG", path);
  const victim = lookupChild(session, dir, last.name);
  if (!victim) return failWith("ENOENT", path);
  const denied = mayDelete(session.identity, dir.inode, victim, true, session.readOnly);
  if (denied) return failWith(denied, path);
  if (session.tree.listEntries(victim.ino).length > 0) return failWith("ENOTEMPTY", path);
  const now = session.clock();
  session.tree.removeEntry(dir.inode.ino, last.name);
  session.tree.deleteInode(victim.ino);
  stampDirectory(session.tree, dir.inode.ino, now, -1);
  return succeed(undefined);
}
