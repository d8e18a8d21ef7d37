/**
 * The inode attributes a permission decision reads: mode (type and
 * permission bits), owner and group. Decisions take these values rather
 * than inodes so that any store's record, or a hand-written case, fits.
 */

/** What a permission decision needs to know about one inode. */
export interface Attributes {
  /** Type and permission bits, as in `st_mode`. */
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
}

/**
 * Builds attributes, mostly for tests and examples.
 *
 * @example
 * attributes(0o040755, 0, 0); // root:root drwxr-xr-x
 */
export function attributes(mode: number, uid: number, gid: number): Attributes {
  return { mode, uid, gid };
}
