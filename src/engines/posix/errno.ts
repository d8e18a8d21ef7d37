/**
 * The errno values the POSIX engine and the EFS data plane return, named as
 * Linux and Node name them (`EACCES`, `ENOENT`, ...). A failed file
 * operation is one of these values, never an exception; `describeErrno`
 * gives the message `strerror` prints, for transcripts in the style of a
 * shell session.
 */

/** Every errno a file operation can return. */
export type Errno =
  | "EACCES"
  | "EPERM"
  | "ENOENT"
  | "EEXIST"
  | "ENOTDIR"
  | "EISDIR"
  | "ENOTEMPTY"
  | "EINVAL"
  | "ELOOP"
  | "ENAMETOOLONG"
  | "EROFS"
  | "EBADF"
  | "EBUSY";

const MESSAGES: Readonly<Record<Errno, string>> = {
  EACCES: "Permission denied",
  EPERM: "Operation not permitted",
  ENOENT: "No such file or directory",
  EEXIST: "File exists",
  ENOTDIR: "Not a directory",
  EISDIR: "Is a directory",
  ENOTEMPTY: "Directory not empty",
  EINVAL: "Invalid argument",
  ELOOP: "Too many levels of symbolic links",
  ENAMETOOLONG: "File name too long",
  EROFS: "Read-only file system",
  EBADF: "Bad file descriptor",
  EBUSY: "Device or resource busy",
};

/** All errno names, in declaration order. */
export const ERRNOS: readonly Errno[] = Object.keys(MESSAGES) as Errno[];

/**
 * The message Linux's `strerror` gives for `errno`.
 *
 * @example
 * describeErrno("EACCES"); // "Permission denied"
 */
export function describeErrno(errno: Errno): string {
  return MESSAGES[errno];
}

/**
 * Whether `value` names an errno of this engine.
 *
 * @example
 * isErrno("ENOENT"); // true
 * isErrno("EAGAIN"); // false
 */
export function isErrno(value: string): value is Errno {
  return Object.hasOwn(MESSAGES, value);
}
