/**
 * Finding where a new name goes (Linux's `filename_create`), shared by
 * mkdir, symlink and link: walk to the parent; a last component that is
 * `.`, `..` or the root already exists (EEXIST); a name over 255 bytes is
 * ENAMETOOLONG; an existing name, even a dangling symbolic link, is
 * EEXIST; a trailing slash on a name that is not to be a directory is
 * ENOENT.
 */
import { nameTooLong } from "../../engines/posix/index.js";
import { type DirCursor, lookupChild } from "./dir-cursor.js";
import type { FileSession } from "./file-session.js";
import { type Walk, walkToParent } from "./path-walk.js";

/** The directory and name a new entry will take. */
export interface NewName {
  readonly dir: DirCursor;
  readonly name: string;
}

/**
 * Resolves the place of a new entry at `path`.
 *
 * @example
 * walkToNewName(session, "a/new", true); // { ok: true, value: { dir: <a>, name: "new" } }
 */
export function walkToNewName(
  session: FileSession,
  path: string,
  wantDirectory: boolean,
): Walk<NewName> {
  const walked = walkToParent(session, path);
  if (!walked.ok) return walked;
  const { dir, last } = walked.value;
  if (last.kind !== "normal") return { ok: false, errno: "EEXIST" };
  if (nameTooLong(last.name)) return { ok: false, errno: "ENAMETOOLONG" };
  if (lookupChild(session, dir, last.name)) return { ok: false, errno: "EEXIST" };
  if (last.trailingSlash && !wantDirectory) return { ok: false, errno: "ENOENT" };
  return { ok: true, value: { dir, name: last.name } };
}
