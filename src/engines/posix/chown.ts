/**
 * chown and chgrp with `chown_restricted` (EFS's default, and Linux's):
 * only the superuser changes a file's owner (the owner may "change" it to
 * itself); the owner may change the group to one of its own groups. On a
 * non-directory every chown, the superuser's included, clears S_ISUID and
 * clears S_ISGID when the file is group-executable or the caller is not in
 * its old group; when a bit is cleared, S_ISGID also goes if the caller is
 * not in the new group. A chown that changes neither id still clears them.
 */
import type { Attributes } from "./attributes.js";
import type { Errno } from "./errno.js";
import { type Identity, inGroup, inGroupOrSuperuser, isSuperuser } from "./identity.js";
import { isDirectoryMode, S_ISGID, S_ISUID } from "./mode.js";
import { shouldDropSetgid } from "./privileges.js";

/** The attributes after a chown, or why it may not. */
export type ChownDecision = { ok: true; value: Attributes } | { ok: false; errno: Errno };

/**
 * Decides `chown(uid, gid)` on `attrs` by `identity`; an undefined id (-1
 * in the system call) is left as it is.
 *
 * @example
 * decideChown(makeIdentity(1001, 1001, [993]), attributes(0o100644, 1001, 1001), undefined, 993);
 * // { ok: true, value: { mode: 0o100644, uid: 1001, gid: 993 } }
 * decideChown(makeIdentity(1001, 1001), attributes(0o100644, 1001, 1001), 1002, undefined);
 * // { ok: false, errno: "EPERM" }
 */
export function decideChown(
  identity: Identity,
  attrs: Attributes,
  uid: number | undefined,
  gid: number | undefined,
  readOnly = false,
): ChownDecision {
  if (readOnly) return { ok: false, errno: "EROFS" };
  const superuser = isSuperuser(identity);
  const owner = attrs.uid === identity.uid;
  if (uid !== undefined && !superuser && !(owner && uid === attrs.uid)) {
    return { ok: false, errno: "EPERM" };
  }
  if (gid !== undefined && !superuser) {
    if (!owner || (gid !== attrs.gid && !inGroup(identity, gid))) {
      return { ok: false, errno: "EPERM" };
    }
  }
  const newUid = uid ?? attrs.uid;
  const newGid = gid ?? attrs.gid;
  let mode = attrs.mode;
  if (!isDirectoryMode(mode)) {
    const killSuid = (mode & S_ISUID) !== 0;
    const killSgid = shouldDropSetgid(identity, attrs);
    if (killSuid || killSgid) {
      if (!owner && !superuser) return { ok: false, errno: "EPERM" };
      if (killSuid) mode &= ~S_ISUID;
      if (killSgid) mode &= ~S_ISGID;
      if (!inGroupOrSuperuser(identity, newGid)) mode &= ~S_ISGID;
    }
  }
  return { ok: true, value: { mode, uid: newUid, gid: newGid } };
}
