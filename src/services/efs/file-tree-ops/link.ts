/**
 * `link`: a second name for an existing inode. The existing path's
 * trailing symbolic link is not followed (the link itself gets the new
 * name, as Linux's link(2)); directories cannot be linked (EPERM).
 */
import { mayLink, NO_PROTECTIONS } from "../../../engines/posix/index.js";
import type { FileSession, FileStat, FsResult } from "../file-session.js";
import { failWith, succeed } from "../file-session.js";
import { editInode, stampDirectory, toFileStat } from "../inode-edit.js";
import { walkToNewName } from "../new-name.js";
import { resolvePath } from "../path-walk.js";

/**
 * Gives the inode at `existingPath` the additional name `newPath`.
 *
 * @example
 * link(session, "/data/a.txt", "/data/b.txt"); // nlink of a.txt is now 2
 */
export function link(
  session: FileSession,
  existingPath: string,
  newPath: string,
): FsResult<FileStat> {
  const source = resolvePath(session, existingPath, { follow: false });
  if (!source.ok) return failWith(source.errno, existingPath);
  const place = walkToNewName(session, newPath, false);
  if (!place.ok) return failWith(place.errno, newPath);
  const { dir, name } = place.value;
  const inode = source.value.inode;
  const protections = session.protections ?? NO_PROTECTIONS;
  const denied = mayLink(session.identity, inode, dir.inode, protections, session.readOnly);
  if (denied) return failWith(denied, newPath);
  const now = session.clock();
  const { tree } = session;
  tree.setEntry(dir.inode.ino, name, inode.ino);
  const linked = editInode(tree, inode, { nlink: inode.nlink + 1, ctimeMs: now });
  stampDirectory(tree, dir.inode.ino, now);
  return succeed(toFileStat(linked));
}
