/**
 * `truncate` (truncate(2)): sets a regular file's size, dropping bytes or
 * adding zeros; needs write permission on the file. A directory is EISDIR.
 * Times are stamped when the size changes; set-user-id and set-group-id
 * are cleared as on a write.
 */
import {
  checkPermission,
  isDirectoryMode,
  isRegularMode,
  MAY_WRITE,
  modeAfterWrite,
} from "../../../engines/posix/index.js";
import type { FileSession, FileStat, FsResult } from "../file-session.js";
import { failWith, succeed } from "../file-session.js";
import { editInode, toFileStat } from "../inode-edit.js";
import { resolvePath } from "../path-walk.js";

/**
 * Sets the size of `path` to `size` bytes.
 *
 * @example
 * truncate(session, "/log.txt", 0);
 */
export function truncate(session: FileSession, path: string, size = 0): FsResult<FileStat> {
  if (size < 0 || !Number.isInteger(size)) return failWith("EINVAL", path);
  const found = resolvePath(session, path, { follow: true });
  if (!found.ok) return failWith(found.errno, path);
  const inode = found.value.inode;
  if (isDirectoryMode(inode.mode)) return failWith("EISDIR", path);
  if (!isRegularMode(inode.mode)) return failWith("EINVAL", path);
  const denied = checkPermission(session.identity, inode, MAY_WRITE, session.readOnly);
  if (denied) return failWith(denied, path);
  const now = session.clock();
  if (size < inode.size) session.tree.truncateData(inode.ino, size);
  const mode = modeAfterWrite(session.identity, inode);
  const resized = size !== inode.size;
  const changed = editInode(session.tree, inode, {
    size,
    mode,
    ...(resized ? { mtimeMs: now, ctimeMs: now } : mode !== inode.mode ? { ctimeMs: now } : {}),
  });
  return succeed(toFileStat(changed));
}
