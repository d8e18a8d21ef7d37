/**
 * Errors shaped as Node's own `fs` errors, so code that checks
 * `err.code === "EACCES"` or prints the message cannot tell a bridged call
 * from a local one: `code`, negative `errno` (the host's number),
 * `syscall`, `path` (and `dest` for two-path calls) and libuv's message,
 * e.g. `EACCES: permission denied, open '/mnt/data/x'`.
 */
import { constants } from "node:os";

/** libuv's descriptions, which Node puts in its messages. */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOENT: "no such file or directory",
  EEXIST: "file already exists",
  ENOTDIR: "not a directory",
  EISDIR: "illegal operation on a directory",
  ENOTEMPTY: "directory not empty",
  EINVAL: "invalid argument",
  ELOOP: "too many symbolic links encountered",
  ENAMETOOLONG: "name too long",
  EROFS: "read-only file system",
  EBADF: "bad file descriptor",
  EBUSY: "resource busy or locked",
  EIO: "i/o error",
  EXDEV: "cross-device link not permitted",
};

/** A Node-style system error. */
export type NodeFsError = Error & {
  errno: number;
  code: string;
  syscall: string;
  path?: string;
  dest?: string;
};

/**
 * The error Node would throw for `code` from `syscall` on `path`.
 *
 * @example
 * nodeError("EACCES", "open", "/mnt/data/x").message; // "EACCES: permission denied, open '/mnt/data/x'"
 */
export function nodeError(
  code: string,
  syscall: string,
  path?: string,
  dest?: string,
): NodeFsError {
  if (code === "ERR_FS_EISDIR") return eisdirForRm(path ?? "");
  const description = DESCRIPTIONS[code] ?? code.toLowerCase();
  const where = path === undefined ? "" : ` '${path}'${dest === undefined ? "" : ` -> '${dest}'`}`;
  const error = new Error(`${code}: ${description}, ${syscall}${where}`) as NodeFsError;
  const number = (constants.errno as Record<string, number>)[code];
  error.errno = number === undefined ? -5 : -number;
  error.code = code;
  error.syscall = syscall;
  if (path !== undefined) error.path = path;
  if (dest !== undefined) error.dest = dest;
  return error;
}

/** `rm` on a directory without `recursive`: Node's own SystemError. */
function eisdirForRm(path: string): NodeFsError {
  const error = new Error(
    `Path is a directory: rm returned EISDIR (is a directory) ${path}`,
  ) as NodeFsError;
  error.name = "SystemError";
  error.code = "ERR_FS_EISDIR";
  error.errno = -((constants.errno as Record<string, number>).EISDIR ?? 21);
  error.syscall = "rm";
  error.path = path;
  return error;
}
