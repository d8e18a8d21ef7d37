/**
 * `readdir`: the names in a directory (without `.` and `..`), sorted, with
 * their inode numbers and types. Listing needs read permission on the
 * directory; following a symbolic link to it is allowed.
 */
import {
  checkPermission,
  type FileType,
  fileType,
  MAY_READ,
} from "../../../engines/posix/index.js";
import type { FileSession, FsResult } from "../file-session.js";
import { failWith, succeed } from "../file-session.js";
import { touchAccessTime } from "../inode-edit.js";
import { resolvePath } from "../path-walk.js";

/** One name of a directory. */
export interface DirectoryItem {
  readonly name: string;
  readonly ino: number;
  readonly type: FileType;
}

/**
 * Lists directory `path`.
 *
 * @example
 * readdir(session, "/"); // { ok: true, value: [{ name: "first.txt", ino: 2, type: "file" }] }
 */
export function readdir(session: FileSession, path: string): FsResult<DirectoryItem[]> {
  const found = resolvePath(session, path, { follow: true, directory: true });
  if (!found.ok) return failWith(found.errno, path);
  const dir = found.value.inode;
  const denied = checkPermission(session.identity, dir, MAY_READ);
  if (denied) return failWith(denied, path);
  const items: DirectoryItem[] = [];
  for (const entry of session.tree.listEntries(dir.ino)) {
    const inode = session.tree.getInode(entry.ino);
    if (!inode) continue;
    items.push({ name: entry.name, ino: entry.ino, type: fileType(inode.mode) ?? "file" });
  }
  touchAccessTime(session, dir);
  return succeed(items);
}
