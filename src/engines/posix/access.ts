/**
 * Linux's permission check (`generic_permission`): exactly one class
 * decides, the first that matches: owner if the uid is the file's, else
 * group if the file's group is the primary or a supplementary group, else
 * other, even when a later class would grant more. The superuser passes
 * every read and write check and every check on a directory; to execute a
 * non-directory it needs at least one x bit somewhere in the mode. On a
 * read-only mount, asking for write fails with EROFS before anything else.
 */
import type { Attributes } from "./attributes.js";
import type { Errno } from "./errno.js";
import { type Identity, inGroup, isSuperuser } from "./identity.js";
import { isDirectoryMode, S_IXUGO } from "./mode.js";

/** Search a directory or execute a file. */
export const MAY_EXEC = 1;
export const MAY_WRITE = 2;
export const MAY_READ = 4;

/** The class of the mode that applies to an identity. */
export type PermissionClass = "owner" | "group" | "other";

/** A permission decision with the facts that made it, for explanations. */
export interface PermissionDecision {
  /** Undefined when granted. */
  readonly errno: Errno | undefined;
  /** The class whose bits were read. */
  readonly permissionClass: PermissionClass;
  /** That class's rwx bits (0–7). */
  readonly classBits: number;
  /** Granted only because the identity is the superuser. */
  readonly bySuperuser: boolean;
}

/**
 * The class of `attrs`'s mode that applies to `identity`.
 *
 * @example
 * permissionClass(makeIdentity(1001, 1001), attributes(0o100640, 0, 1001)); // "group"
 */
export function permissionClass(identity: Identity, attrs: Attributes): PermissionClass {
  if (identity.uid === attrs.uid) return "owner";
  if (inGroup(identity, attrs.gid)) return "group";
  return "other";
}

const SHIFT: Readonly<Record<PermissionClass, number>> = { owner: 6, group: 3, other: 0 };

/**
 * Decides whether `identity` may access `attrs` for `mask` (a union of
 * MAY_READ, MAY_WRITE, MAY_EXEC), with the facts behind the decision.
 *
 * @example
 * const d = decidePermission(makeIdentity(1001, 1001), attributes(0o100604, 1001, 0), MAY_READ);
 * d.errno; // "EACCES": the owner class (---) decides though other has r
 */
export function decidePermission(
  identity: Identity,
  attrs: Attributes,
  mask: number,
  readOnly = false,
): PermissionDecision {
  const cls = permissionClass(identity, attrs);
  const classBits = (attrs.mode >> SHIFT[cls]) & 7;
  const base = { permissionClass: cls, classBits };
  if (readOnly && mask & MAY_WRITE) return { ...base, errno: "EROFS", bySuperuser: false };
  const wanted = mask & 7;
  if ((classBits & wanted) === wanted) return { ...base, errno: undefined, bySuperuser: false };
  if (isSuperuser(identity)) {
    const overridable =
      isDirectoryMode(attrs.mode) || !(wanted & MAY_EXEC) || (attrs.mode & S_IXUGO) !== 0;
    if (overridable) return { ...base, errno: undefined, bySuperuser: true };
  }
  return { ...base, errno: "EACCES", bySuperuser: false };
}

/**
 * The errno of a permission check, undefined when granted.
 *
 * @example
 * checkPermission(makeIdentity(0, 0), attributes(0o100644, 1001, 1001), MAY_EXEC); // "EACCES"
 * checkPermission(makeIdentity(0, 0), attributes(0o100000, 1001, 1001), MAY_WRITE); // undefined
 */
export function checkPermission(
  identity: Identity,
  attrs: Attributes,
  mask: number,
  readOnly = false,
): Errno | undefined {
  return decidePermission(identity, attrs, mask, readOnly).errno;
}
