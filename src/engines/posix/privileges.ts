/**
 * When Linux clears set-user-id and set-group-id on its own: writing to or
 * truncating a regular file as anyone but the superuser clears S_ISUID,
 * and S_ISGID when the file is group-executable or the writer is not in
 * the file's group (a set-group-id bit without group execute is a locking
 * mark, kept for group members).
 */
import type { Attributes } from "./attributes.js";
import { type Identity, inGroupOrSuperuser, isSuperuser } from "./identity.js";
import { isRegularMode, S_ISGID, S_ISUID, S_IXGRP } from "./mode.js";

/**
 * Whether S_ISGID of `attrs` is to be dropped on a change by `identity`
 * (Linux's `setattr_should_drop_sgid`; the superuser keeps only a locking
 * mark).
 *
 * @example
 * shouldDropSetgid(makeIdentity(0, 0), attributes(0o102755, 1001, 1001)); // true: group-executable
 */
export function shouldDropSetgid(identity: Identity, attrs: Attributes): boolean {
  if (!(attrs.mode & S_ISGID)) return false;
  if (attrs.mode & S_IXGRP) return true;
  return !inGroupOrSuperuser(identity, attrs.gid);
}

/**
 * The mode of a regular file after `identity` writes to it or truncates it.
 *
 * @example
 * modeAfterWrite(makeIdentity(1001, 1001), attributes(0o104755, 1001, 1001)); // 0o100755
 */
export function modeAfterWrite(identity: Identity, attrs: Attributes): number {
  if (isSuperuser(identity) || !isRegularMode(attrs.mode)) return attrs.mode;
  let mode = attrs.mode & ~S_ISUID;
  if (shouldDropSetgid(identity, attrs)) mode &= ~S_ISGID;
  return mode;
}
