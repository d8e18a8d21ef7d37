/**
 * Setting a file's times (utimensat): explicit times need the owner or the
 * superuser (EPERM); setting both to "now" also lets anyone with write
 * permission do it (EACCES otherwise).
 */
import { checkPermission, MAY_WRITE } from "./access.js";
import type { Attributes } from "./attributes.js";
import type { Errno } from "./errno.js";
import { type Identity, isSuperuser } from "./identity.js";

/**
 * Whether `identity` may set the times of `attrs`; `explicit` is false
 * when both times are "now".
 *
 * @example
 * maySetTimes(makeIdentity(1002, 1002), attributes(0o100666, 1001, 1001), true);  // "EPERM"
 * maySetTimes(makeIdentity(1002, 1002), attributes(0o100666, 1001, 1001), false); // undefined
 */
export function maySetTimes(
  identity: Identity,
  attrs: Attributes,
  explicit: boolean,
  readOnly = false,
): Errno | undefined {
  if (readOnly) return "EROFS";
  if (attrs.uid === identity.uid || isSuperuser(identity)) return undefined;
  if (explicit) return "EPERM";
  return checkPermission(identity, attrs, MAY_WRITE);
}
