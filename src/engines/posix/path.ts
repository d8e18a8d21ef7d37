/**
 * Path syntax and limits as Linux applies them: a path is split on `/`
 * (runs of slashes count as one), a trailing slash asks for a directory, an
 * empty path is ENOENT, a path of PATH_MAX (4096) bytes or more and a name
 * of more than NAME_MAX (255) bytes are ENAMETOOLONG, and resolution gives
 * up with ELOOP on the 41st symbolic link it follows.
 */
import type { Errno } from "./errno.js";

/** Longest name of one directory entry, in bytes. */
export const NAME_MAX = 255;
/** Size of the buffer a path must fit in, terminating NUL included. */
export const PATH_MAX = 4096;
/** Symbolic links one resolution may follow. */
export const MAXSYMLINKS = 40;

/** A path split into its parts. */
export interface ParsedPath {
  /** Starts at the root (`/`) rather than at the starting directory. */
  readonly absolute: boolean;
  /** Names between slashes, `.` and `..` included, empty ones dropped. */
  readonly components: readonly string[];
  /** Ends in `/` after its last component (which must then be a directory). */
  readonly trailingSlash: boolean;
}

/** A path that parsed, or the errno Linux gives for it. */
export type PathParse = { ok: true; value: ParsedPath } | { ok: false; errno: Errno };

const encoder = new TextEncoder();

/**
 * Length of `text` in UTF-8 bytes, the unit of Linux's limits.
 *
 * @example
 * byteLength("é"); // 2
 */
export function byteLength(text: string): number {
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  return ascii ? text.length : encoder.encode(text).length;
}

/**
 * Splits a path, refusing what the kernel refuses before any lookup.
 *
 * @example
 * parsePath("a//b/"); // { ok: true, value: { absolute: false, components: ["a", "b"], trailingSlash: true } }
 * parsePath("");      // { ok: false, errno: "ENOENT" }
 */
export function parsePath(path: string): PathParse {
  if (path.length === 0) return { ok: false, errno: "ENOENT" };
  if (byteLength(path) >= PATH_MAX) return { ok: false, errno: "ENAMETOOLONG" };
  const components = path.split("/").filter((part) => part.length > 0);
  const absolute = path.startsWith("/");
  const trailingSlash = components.length > 0 && path.endsWith("/");
  return { ok: true, value: { absolute, components, trailingSlash } };
}

/**
 * Whether a single name exceeds NAME_MAX bytes.
 *
 * @example
 * nameTooLong("x".repeat(256)); // true
 */
export function nameTooLong(name: string): boolean {
  return byteLength(name) > NAME_MAX;
}

/** What a path component means to resolution. */
export type ComponentKind = "dot" | "dotdot" | "normal";

/**
 * Classifies a path component.
 *
 * @example
 * componentKind(".."); // "dotdot"
 */
export function componentKind(name: string): ComponentKind {
  if (name === ".") return "dot";
  if (name === "..") return "dotdot";
  return "normal";
}

/**
 * Checks a symbolic link's target before it is stored: empty is ENOENT, a
 * target that does not fit PATH_MAX is ENAMETOOLONG.
 *
 * @example
 * checkSymlinkTarget(""); // "ENOENT"
 */
export function checkSymlinkTarget(target: string): Errno | undefined {
  if (target.length === 0) return "ENOENT";
  if (byteLength(target) >= PATH_MAX) return "ENAMETOOLONG";
  return undefined;
}
