/**
 * The POSIX engine's public surface: Linux permission semantics decided
 * from an identity and inode attributes. Pure: no I/O, no clock; every
 * decision is a value (an errno, or undefined when allowed).
 *
 * @example
 * const who = makeIdentity(1001, 1001, [993]);
 * checkPermission(who, attributes(0o100640, 0, 993), MAY_READ); // undefined: group may read
 * modeString(0o040764); // "drwxrw-r--"
 */

export type { PermissionClass, PermissionDecision } from "./access.js";
export {
  checkPermission,
  decidePermission,
  MAY_EXEC,
  MAY_READ,
  MAY_WRITE,
  permissionClass,
} from "./access.js";
export { type Attributes, attributes } from "./attributes.js";
export { type ChmodDecision, decideChmod } from "./chmod.js";
export { type ChownDecision, decideChown } from "./chown.js";
export { mayCreate, type NewEntryRequest, newEntryAttributes } from "./create.js";
export { mayDelete, stickyForbids } from "./delete.js";
export { describeErrno, ERRNOS, type Errno, isErrno } from "./errno.js";
export {
  type Identity,
  inGroup,
  inGroupOrSuperuser,
  isSuperuser,
  makeIdentity,
  ROOT_UID,
} from "./identity.js";
export { mayLink } from "./link.js";
export * from "./mode.js";
export { mayOpen, type OpenAccess } from "./open.js";
export * from "./path.js";
export { modeAfterWrite, shouldDropSetgid } from "./privileges.js";
export * from "./protections.js";
export {
  decideRename,
  type NamedAttributes,
  type RenameDecision,
  type RenameFacts,
} from "./rename.js";
export { maySetTimes } from "./times.js";
