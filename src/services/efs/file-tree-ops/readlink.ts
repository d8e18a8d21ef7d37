/**
 * `readlink`: the target stored in a symbolic link, as written; anything
 * else is EINVAL. Reading a link needs no permission on the link itself.
 */
import { isSymlinkMode } from "../../../engines/posix/index.js";
import type { FileSession, FsResult } from "../file-session.js";
import { failWith, succeed } from "../file-session.js";
import { resolvePath } from "../path-walk.js";

/**
 * The target of symbolic link `path`.
 *
 * @example
 * readlink(session, "/app/config.json"); // { ok: true, value: "../shared/config.json" }
 */
export function readlink(session: FileSession, path: string): FsResult<string> {
  const found = resolvePath(session, path, { follow: false });
  if (!found.ok) return failWith(found.errno, path);
  const inode = found.value.inode;
  if (!isSymlinkMode(inode.mode)) return failWith("EINVAL", path);
  return succeed(inode.target ?? "");
}
