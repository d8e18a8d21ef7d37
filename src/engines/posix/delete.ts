/**
 * Removing a name (unlink, rmdir, the source of a rename, a rename's
 * replaced target), Linux's `may_delete`: the remover needs write and
 * search permission on the directory; in a sticky directory (S_ISVTX) only
 * the file's owner, the directory's owner or the superuser may remove it
 * (EPERM otherwise); then the type must fit: rmdir of a non-directory is
 * ENOTDIR, unlink of a directory is EISDIR.
 */
import type { Attributes } from "./attributes.js";
import { mayCreate } from "./create.js";
import type { Errno } from "./errno.js";
import { type Identity, isSuperuser } from "./identity.js";
import { isDirectoryMode, S_ISVTX } from "./mode.js";

/**
 * Whether the sticky bit of `dir` keeps `identity` from removing `victim`.
 *
 * @example
 * stickyForbids(makeIdentity(1002, 1002), attributes(0o041777, 0, 0), attributes(0o100666, 1001, 1001)); // true
 */
export function stickyForbids(identity: Identity, dir: Attributes, victim: Attributes): boolean {
  if (!(dir.mode & S_ISVTX)) return false;
  if (victim.uid === identity.uid || dir.uid === identity.uid) return false;
  return !isSuperuser(identity);
}

/**
 * Whether `identity` may remove `victim` from `dir`; `expectDirectory` is
 * true for rmdir (and for a rename whose source is a directory).
 *
 * @example
 * mayDelete(makeIdentity(1001, 1001), attributes(0o040777, 0, 0), attributes(0o040755, 1001, 1001), false); // "EISDIR"
 */
export function mayDelete(
  identity: Identity,
  dir: Attributes,
  victim: Attributes,
  expectDirectory: boolean,
  readOnly = false,
): Errno | undefined {
  const denied = mayCreate(identity, dir, readOnly);
  if (denied) return denied;
  if (stickyForbids(identity, dir, victim)) return "EPERM";
  const victimIsDirectory = isDirectoryMode(victim.mode);
  if (expectDirectory && !victimIsDirectory) return "ENOTDIR";
  if (!expectDirectory && victimIsDirectory) return "EISDIR";
  return undefined;
}
