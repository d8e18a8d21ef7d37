/**
 * A session on an EFS file system's data plane: the tree, the identity
 * every operation runs as (already mapped by the caller: an access point's
 * PosixUser, root squashing), the session's root directory (the access
 * point's root: nothing resolves above it), whether writes are refused
 * (no `ClientWrite`), the umask and the clock. Results are values:
 * `{ ok: true, value }` or `{ ok: false, errno, path }`.
 */
import type { Errno, FileType, Identity, KernelProtections } from "../../engines/posix/index.js";
import type { InodeRecord, TreeStore } from "../../store/port.js";

/** Everything an operation needs besides its arguments. */
export interface FileSession {
  readonly tree: TreeStore;
  /** Who operations run as; uid 0 has the superuser's powers. */
  readonly identity: Identity;
  /** The directory that is `/` for this session (an access point's root). */
  readonly rootIno: number;
  /**
   * Refuse modifications with EROFS, as a mount without `ClientWrite`.
   * Lookups still run first, so ENOENT, EEXIST, ENOTDIR, ELOOP keep their
   * precedence (as when an NFS client resolves names before the server
   * refuses the write); EROFS takes the place of the write-permission check.
   */
  readonly readOnly: boolean;
  /** Permission bits cleared from the mode of new files and directories. */
  readonly umask: number;
  /** Milliseconds since the epoch, for inode times. */
  readonly clock: () => number;
  /** Local-kernel link protections; absent means off, as on a file server. */
  readonly protections?: KernelProtections;
}

/** An operation's outcome: its value, or the errno and the path it concerns. */
export type FsResult<T> = { ok: true; value: T } | { ok: false; errno: Errno; path?: string };

/** What `stat` returns: the inode record plus its type. */
export interface FileStat extends InodeRecord {
  readonly type: FileType;
}

/**
 * A successful result.
 *
 * @example
 * succeed(3); // { ok: true, value: 3 }
 */
export function succeed<T>(value: T): FsResult<T> {
  return { ok: true, value };
}

/**
 * A failed result.
 *
 * @example
 * failWith("ENOENT", "/missing"); // { ok: false, errno: "ENOENT", path: "/missing" }
 */
export function failWith<T>(errno: Errno, path?: string): FsResult<T> {
  return path === undefined ? { ok: false, errno } : { ok: false, errno, path };
}
