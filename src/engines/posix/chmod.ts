/**
 * chmod: only the file's owner or the superuser may change its mode
 * (EPERM); the new permission bits replace all twelve, except that S_ISGID
 * is dropped when the caller is neither in the file's group nor the
 * superuser. The file type never changes.
 */
import type { Attributes } from "./attributes.js";
import type { Errno } from "./errno.js";
import { type Identity, inGroupOrSuperuser, isSuperuser } from "./identity.js";
import { S_IALLUGO, S_IFMT, S_ISGID } from "./mode.js";

/** The mode a chmod sets, or why it may not. */
export type ChmodDecision = { ok: true; mode: number } | { ok: false; errno: Errno };

/**
 * Decides `chmod(requested)` on `attrs` by `identity`.
 *
 * @example
 * decideChmod(makeIdentity(1001, 1001), attributes(0o040755, 1001, 993), 0o2775);
 * // { ok: true, mode: 0o040775 }: not in group 993, S_ISGID dropped
 */
export function decideChmod(
  identity: Identity,
  attrs: Attributes,
  requested: number,
  readOnly = false,
): ChmodDecision {
  if (readOnly) return { ok: false, errno: "EROFS" };
  if (attrs.uid !== identity.uid && !isSuperuser(identity)) return { ok: false, errno: "EPERM" };
  let mode = (attrs.mode & S_IFMT) | (requested & S_IALLUGO);
  if (!inGroupOrSuperuser(identity, attrs.gid)) mode &= ~S_ISGID;
  return { ok: true, mode };
}
