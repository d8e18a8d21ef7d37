/**
 * `access`: whether the session's identity could read, write or execute
 * what a path names (following symbolic links), by the same permission
 * check every other operation uses. `F_OK` asks only that it exists.
 */
import { checkPermission } from "../../../engines/posix/index.js";
import type { FileSession, FsResult } from "../file-session.js";
import { failWith, succeed } from "../file-session.js";
import { resolvePath } from "../path-walk.js";

/** Existence only. */
export const F_OK = 0;
export const X_OK = 1;
export const W_OK = 2;
export const R_OK = 4;

/**
 * Checks `mode` (a union of R_OK, W_OK, X_OK, or F_OK) on `path`.
 *
 * @example
 * access(session, "/data/report.txt", R_OK | W_OK); // { ok: false, errno: "EACCES", path: ... }
 */
export function access(session: FileSession, path: string, mode: number = F_OK): FsResult<void> {
  const found = resolvePath(session, path, { follow: true });
  if (!found.ok) return failWith(found.errno, path);
  if ((mode & 7) === F_OK) return succeed(undefined);
  const denied = checkPermission(session.identity, found.value.inode, mode & 7, session.readOnly);
  return denied ? failWith(denied, path) : succeed(undefined);
}
