/**
 * Linux's optional link protections (the `fs.protected_*` sysctls), which
 * act in a local kernel's path walk and not in a file server: following a
 * trailing symbolic link in a sticky world-writable directory
 * (`protected_symlinks`), hard-linking a file one neither owns nor may read
 * and write (`protected_hardlinks`), and opening with O_CREAT a file of
 * someone else's in a sticky directory (`protected_regular`; for inodes
 * other than regular files the kernel applies that rule unconditionally).
 * An EFS data plane has the sysctls all off; the kernel-oracle test turns
 * on whatever the host kernel has on, so both sides decide alike.
 */
import { checkPermission, MAY_READ, MAY_WRITE } from "./access.js";
import type { Attributes } from "./attributes.js";
import type { Errno } from "./errno.js";
import { type Identity, isSuperuser } from "./identity.js";
import { isRegularMode, S_ISGID, S_ISUID, S_ISVTX, S_IWGRP, S_IWOTH, S_IXGRP } from "./mode.js";

/** Which protections apply; values as in `/proc/sys/fs/protected_*`. */
export interface KernelProtections {
  readonly symlinks: boolean;
  readonly hardlinks: boolean;
  /** 0 off, 1 world-writable sticky directories, 2 group-writable ones too. */
  readonly regular: 0 | 1 | 2;
}

/** All protections off: what a file server (and so EFS) applies. */
export const NO_PROTECTIONS: KernelProtections = { symlinks: false, hardlinks: false, regular: 0 };

/**
 * Whether a trailing symbolic link `link` in directory `dir` may be
 * followed (`may_follow_link`); the superuser is not exempt.
 *
 * @example
 * mayFollowTrailingLink(makeIdentity(1002, 1002), attributes(0o041777, 0, 0),
 *   attributes(0o120777, 1001, 1001), { ...NO_PROTECTIONS, symlinks: true }); // "EACCES"
 */
export function mayFollowTrailingLink(
  identity: Identity,
  dir: Attributes,
  link: Attributes,
  protections: KernelProtections,
): Errno | undefined {
  if (!protections.symlinks) return undefined;
  if (link.uid === identity.uid) return undefined;
  if ((dir.mode & (S_ISVTX | S_IWOTH)) !== (S_ISVTX | S_IWOTH)) return undefined;
  if (dir.uid === link.uid) return undefined;
  return "EACCES";
}

/**
 * Whether an O_CREAT open may open the existing inode `file` of directory
 * `dir` (`may_create_in_sticky`), for an inode that is neither the opener's
 * nor the directory owner's, in a sticky directory: a regular file only
 * under `protected_regular` (level 1: world-writable directories; level 2:
 * group-writable too); anything else that gets this far (a symbolic link
 * not followed, under O_NOFOLLOW) always, in a world-writable directory,
 * whatever the sysctl says. The superuser is not exempt.
 *
 * @example
 * mayOpenExistingInSticky(makeIdentity(1002, 1002), attributes(0o041777, 0, 0),
 *   attributes(0o100666, 1001, 1001), { ...NO_PROTECTIONS, regular: 1 }); // "EACCES"
 * mayOpenExistingInSticky(makeIdentity(1002, 1002), attributes(0o041777, 0, 0),
 *   attributes(0o120777, 1001, 1001), NO_PROTECTIONS); // "EACCES"
 */
export function mayOpenExistingInSticky(
  identity: Identity,
  dir: Attributes,
  file: Attributes,
  protections: KernelProtections,
): Errno | undefined {
  if (!(dir.mode & S_ISVTX)) return undefined;
  const regular = isRegularMode(file.mode);
  if (regular && protections.regular === 0) return undefined;
  if (file.uid === dir.uid || file.uid === identity.uid) return undefined;
  if (dir.mode & S_IWOTH) return "EACCES";
  if (regular && dir.mode & S_IWGRP && protections.regular >= 2) return "EACCES";
  return undefined;
}

/**
 * Whether `identity` may hard-link `source` under `protected_hardlinks`
 * (`may_linkat`): owners and the superuser always may; others only a
 * regular file without set-user-id, without executable set-group-id, that
 * they may both read and write.
 *
 * @example
 * mayLinkSource(makeIdentity(1002, 1002), attributes(0o100644, 1001, 1001),
 *   { ...NO_PROTECTIONS, hardlinks: true }); // "EPERM"
 */
export function mayLinkSource(
  identity: Identity,
  source: Attributes,
  protections: KernelProtections,
): Errno | undefined {
  if (!protections.hardlinks) return undefined;
  if (source.uid === identity.uid || isSuperuser(identity)) return undefined;
  const mode = source.mode;
  const safe =
    isRegularMode(mode) &&
    !(mode & S_ISUID) &&
    (mode & (S_ISGID | S_IXGRP)) !== (S_ISGID | S_IXGRP) &&
    checkPermission(identity, source, MAY_READ | MAY_WRITE) === undefined;
  return safe ? undefined : "EPERM";
}
