/**
 * Creating an entry (file, directory, symbolic link, hard link): the
 * creator needs write and search permission on the parent directory; the
 * new inode belongs to the creator's uid, and to the parent's group when
 * the parent has S_ISGID (a new subdirectory then inherits S_ISGID too),
 * else to the creator's primary group. The umask clears permission bits of
 * files and directories, never of symbolic links (always 0777). `mkdir`
 * keeps only the rwx bits and the sticky bit of the mode asked for; a file
 * asked for with S_ISGID and group execute loses S_ISGID when it lands in a
 * set-group-id directory whose group the creator is not in.
 */
import { checkPermission, MAY_EXEC, MAY_WRITE } from "./access.js";
import type { Attributes } from "./attributes.js";
import type { Errno } from "./errno.js";
import { type Identity, inGroupOrSuperuser } from "./identity.js";
import {
  type FileType,
  S_IALLUGO,
  S_IFDIR,
  S_IFLNK,
  S_IFREG,
  S_IRWXUGO,
  S_ISGID,
  S_ISVTX,
  S_IXGRP,
} from "./mode.js";

/**
 * Whether `identity` may add an entry to the directory `parent`.
 *
 * @example
 * mayCreate(makeIdentity(1001, 1001), attributes(0o040755, 0, 0)); // "EACCES"
 */
export function mayCreate(
  identity: Identity,
  parent: Attributes,
  readOnly = false,
): Errno | undefined {
  return checkPermission(identity, parent, MAY_WRITE | MAY_EXEC, readOnly);
}

/** What a new inode is created with. */
export interface NewEntryRequest {
  readonly identity: Identity;
  readonly parent: Attributes;
  readonly type: FileType;
  /** Mode bits asked for (open's or mkdir's `mode`); ignored for symlinks. */
  readonly requestedMode: number;
  readonly umask: number;
}

/**
 * Owner, group and full mode of a new inode.
 *
 * @example
 * newEntryAttributes({ identity: makeIdentity(1001, 1001), parent: attributes(0o042775, 0, 993),
 *   type: "directory", requestedMode: 0o777, umask: 0o022 });
 * // { uid: 1001, gid: 993, mode: 0o042755 }
 */
export function newEntryAttributes(request: NewEntryRequest): Attributes {
  const { identity, parent, type } = request;
  const umask = request.umask & S_IRWXUGO;
  const parentSetgid = (parent.mode & S_ISGID) !== 0;
  const gid = parentSetgid ? parent.gid : identity.gid;
  let mode: number;
  switch (type) {
    case "symlink":
      mode = S_IFLNK | S_IRWXUGO;
      break;
    case "directory":
      mode = S_IFDIR | (request.requestedMode & (S_IRWXUGO | S_ISVTX) & ~umask);
      if (parentSetgid) mode |= S_ISGID;
      break;
    case "file": {
      let bits = request.requestedMode & S_IALLUGO;
      const setgidExec = (bits & (S_ISGID | S_IXGRP)) === (S_ISGID | S_IXGRP);
      if (setgidExec && parentSetgid && !inGroupOrSuperuser(identity, parent.gid)) {
        bits &= ~S_ISGID;
      }
      mode = S_IFREG | (bits & ~umask);
      break;
    }
  }
  return { uid: identity.uid, gid, mode };
}
