/**
 * Path resolution inside a session, as Linux's `link_path_walk` does it:
 * search (x) permission on every directory a component is looked up in,
 * `.` and `..` handled by position (`..` follows the physical parent, and
 * at the session root stays there), symbolic links followed wherever a
 * directory is needed (an absolute target starts again at the session
 * root, so nothing ever leaves it), ELOOP on the 41st link followed, and
 * ENAMETOOLONG for names over 255 bytes. The walk stops before the last
 * component and hands it to the operation, which decides how to look it
 * up (follow or not, create, remove).
 */
import {
  checkPermission,
  componentKind,
  type Errno,
  isDirectoryMode,
  isSymlinkMode,
  MAXSYMLINKS,
  MAY_EXEC,
  mayFollowTrailingLink,
  NO_PROTECTIONS,
  nameTooLong,
  parsePath,
} from "../../engines/posix/index.js";
import type { InodeRecord } from "../../store/port.js";
import {
  childCursor,
  type DirCursor,
  lookupChild,
  parentCursor,
  rootCursor,
} from "./dir-cursor.js";
import type { FileSession } from "./file-session.js";

/** The last component of a walked path, left for the operation. */
export interface LastComponent {
  /** `root` when the path names the root itself (`/`, or a link to `/`). */
  readonly kind: "root" | "dot" | "dotdot" | "normal";
  readonly name: string;
  readonly trailingSlash: boolean;
}

/** Where a walk stopped: the directory holding the last component. */
export interface ParentWalk {
  readonly dir: DirCursor;
  readonly last: LastComponent;
}

/** A walk's outcome. */
export type Walk<T> = { ok: true; value: T } | { ok: false; errno: Errno };

/** One resolution in progress: its session and how many links it followed. */
export interface Walker {
  readonly session: FileSession;
  links: number;
}

const ok = <T>(value: T): Walk<T> => ({ ok: true, value });
const fail = <T>(errno: Errno): Walk<T> => ({ ok: false, errno });

/**
 * Starts a resolution (each path an operation takes gets its own).
 *
 * @example
 * const walker = startWalk(session);
 */
export function startWalk(session: FileSession): Walker {
  return { session, links: 0 };
}

/**
 * Walks `path` from `start` (or from the session root when absolute) up to
 * its last component.
 *
 * @example
 * const walked = walkParent(startWalk(session), "a/b/c", root);
 * // walked.value.dir is a/b, walked.value.last.name is "c"
 */
export function walkParent(walker: Walker, path: string, start: DirCursor): Walk<ParentWalk> {
  const parsed = parsePath(path);
  if (!parsed.ok) return parsed;
  const { absolute, components, trailingSlash } = parsed.value;
  let dir = start;
  if (absolute) {
    const root = rootCursor(walker.session);
    if (!root.ok) return root;
    dir = root.value;
  }
  if (components.length === 0) {
    return ok({ dir, last: { kind: "root", name: "/", trailingSlash: false } });
  }
  const identity = walker.session.identity;
  for (let i = 0; i < components.length; i++) {
    const name = components[i] as string;
    const denied = checkPermission(identity, dir.inode, MAY_EXEC);
    if (denied) return fail(denied);
    if (i === components.length - 1) {
      return ok({ dir, last: { kind: componentKind(name), name, trailingSlash } });
    }
    const next = stepInto(walker, dir, name);
    if (!next.ok) return next;
    dir = next.value;
  }
  return fail("ENOENT");
}

/** Steps into component `name` of `dir` where a directory is needed. */
function stepInto(walker: Walker, dir: DirCursor, name: string): Walk<DirCursor> {
  const kind = componentKind(name);
  if (kind === "dot") return ok(dir);
  if (kind === "dotdot") return ok(parentCursor(walker.session, dir));
  if (nameTooLong(name)) return fail("ENAMETOOLONG");
  const inode = lookupChild(walker.session, dir, name);
  if (!inode) return fail("ENOENT");
  if (isSymlinkMode(inode.mode)) return followInner(walker, dir, inode);
  if (!isDirectoryMode(inode.mode)) return fail("ENOTDIR");
  return ok(childCursor(dir, inode));
}

/** Follows a link met before the end of a path: its whole target must be a directory. */
function followInner(walker: Walker, dir: DirCursor, link: InodeRecord): Walk<DirCursor> {
  if (walker.links++ >= MAXSYMLINKS) return fail("ELOOP");
  const walked = walkParent(walker, link.target ?? "", dir);
  if (!walked.ok) return walked;
  const { dir: at, last } = walked.value;
  if (last.kind === "root") return ok(at);
  return stepInto(walker, at, last.name);
}

/**
 * Follows the link `link` found as the last component in `dir`: counts it,
 * applies `protected_symlinks`, and walks its target up to the target's
 * own last component.
 *
 * @example
 * followTrailing(walker, dir, linkInode); // Walk<ParentWalk> of the target
 */
export function followTrailing(
  walker: Walker,
  dir: DirCursor,
  link: InodeRecord,
): Walk<ParentWalk> {
  if (walker.links++ >= MAXSYMLINKS) return fail("ELOOP");
  const session = walker.session;
  const protections = session.protections ?? NO_PROTECTIONS;
  const denied = mayFollowTrailingLink(session.identity, dir.inode, link, protections);
  if (denied) return fail(denied);
  return walkParent(walker, link.target ?? "", dir);
}

/** How the last component is to be looked up. */
export interface ResolveOptions {
  /** Follow a trailing symbolic link (stat) or not (lstat). */
  readonly follow: boolean;
  /** The result must be a directory (ENOTDIR otherwise). */
  readonly directory?: boolean;
}

/** A fully resolved path. */
export interface Resolved {
  readonly inode: InodeRecord;
  /** The directory the last name was found in (the result itself for `.`, `..`, `/`). */
  readonly parent: DirCursor;
  /** The result's own cursor, when it is a directory. */
  readonly cursor: DirCursor | undefined;
}

/**
 * Resolves `path` from the session root to an existing inode (Linux's
 * `path_lookupat`); a trailing slash forces following and a directory.
 *
 * @example
 * const found = resolvePath(session, "a/link", { follow: true });
 */
export function resolvePath(
  session: FileSession,
  path: string,
  options: ResolveOptions,
): Walk<Resolved> {
  const root = rootCursor(session);
  if (!root.ok) return root;
  const walker = startWalk(session);
  let walked = walkParent(walker, path, root.value);
  let follow = options.follow;
  let directory = options.directory ?? false;
  for (;;) {
    if (!walked.ok) return walked;
    const { dir, last } = walked.value;
    if (last.kind !== "normal") {
      const at = last.kind === "dotdot" ? parentCursor(session, dir) : dir;
      return ok({ inode: at.inode, parent: at, cursor: at });
    }
    if (last.trailingSlash) {
      follow = true;
      directory = true;
    }
    if (nameTooLong(last.name)) return fail("ENAMETOOLONG");
    const inode = lookupChild(session, dir, last.name);
    if (!inode) return fail("ENOENT");
    if (follow && isSymlinkMode(inode.mode)) {
      walked = followTrailing(walker, dir, inode);
      continue;
    }
    const isDirectory = isDirectoryMode(inode.mode);
    if (directory && !isDirectory) return fail("ENOTDIR");
    return ok({ inode, parent: dir, cursor: isDirectory ? childCursor(dir, inode) : undefined });
  }
}

/**
 * Walks `path` from the session root to its parent directory (Linux's
 * `filename_parentat`), for operations that create or remove the last name.
 *
 * @example
 * const at = walkToParent(session, "a/new-file");
 */
export function walkToParent(session: FileSession, path: string): Walk<ParentWalk> {
  const root = rootCursor(session);
  if (!root.ok) return root;
  return walkParent(startWalk(session), path, root.value);
}
