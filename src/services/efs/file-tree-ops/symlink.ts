/**
 * `symlink`: a new symbolic link holding `target` as given (never checked
 * for existence; resolved only when followed, always inside the session).
 * Its mode is 0777 whatever the umask; its size is the target's length.
 */
import { checkSymlinkTarget, mayCreate } from "../../../engines/posix/index.js";
import type { FileSession, FileStat, FsResult } from "../file-session.js";
import { failWith, succeed } from "../file-session.js";
import { createEntry, toFileStat } from "../inode-edit.js";
import { walkToNewName } from "../new-name.js";

/**
 * Creates symbolic link `path` pointing at `target`.
 *
 * @example
 * symlink(session, "../shared/config.json", "/app/config.json");
 */
export function symlink(session: FileSession, target: string, path: string): FsResult<FileStat> {
  const badTarget = checkSymlinkTarget(target);
  if (badTarget) return failWith(badTarget, path);
  const place = walkToNewName(session, path, false);
  if (!place.ok) return failWith(place.errno, path);
  const { dir, name } = place.value;
  const denied = mayCreate(session.identity, dir.inode, session.readOnly);
  if (denied) return failWith(denied, path);
  const inode = createEntry(session, dir.inode.ino, name, { type: "symlink", mode: 0o777, target });
  return succeed(toFileStat(inode));
}
