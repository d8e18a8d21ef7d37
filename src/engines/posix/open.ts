/**
 * Opening an existing inode (Linux's `may_open`): a symbolic link that was
 * not followed is ELOOP; a directory opened for writing (or with O_TRUNC)
 * is EISDIR; otherwise the read and write permission asked for, where
 * O_TRUNC asks for write even on a read-only open. A file the open just
 * created is not checked at all (O_CREAT with mode 0444 still writes).
 */
import { checkPermission, MAY_READ, MAY_WRITE } from "./access.js";
import type { Attributes } from "./attributes.js";
import type { Errno } from "./errno.js";
import type { Identity } from "./identity.js";
import { isDirectoryMode, isSymlinkMode } from "./mode.js";

/** The access an open asks for. */
export interface OpenAccess {
  readonly read: boolean;
  readonly write: boolean;
  readonly truncate: boolean;
}

/**
 * Whether `identity` may open the existing inode `attrs` for `access`.
 *
 * @example
 * mayOpen(makeIdentity(1001, 1001), attributes(0o100444, 1001, 1001),
 *   { read: true, write: false, truncate: true }); // "EACCES": O_TRUNC needs write
 */
export function mayOpen(
  identity: Identity,
  attrs: Attributes,
  access: OpenAccess,
  readOnly = false,
): Errno | undefined {
  const mask = (access.read ? MAY_READ : 0) | (access.write || access.truncate ? MAY_WRITE : 0);
  if (isSymlinkMode(attrs.mode)) return "ELOOP";
  if (isDirectoryMode(attrs.mode) && mask & MAY_WRITE) return "EISDIR";
  return checkPermission(identity, attrs, mask, readOnly);
}
