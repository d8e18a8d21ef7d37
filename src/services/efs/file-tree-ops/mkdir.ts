/**
 * `mkdir`: a new directory where the parent lets the identity write and
 * search, owned as the POSIX engine decides (setgid inheritance, umask);
 * the parent gains a link for the new `..`.
 */
import { mayCreate } from "../../../engines/posix/index.js";
import type { FileSession, FileStat, FsResult } from "../file-session.js";
import { failWith, succeed } from "../file-session.js";
import { createEntry, toFileStat } from "../inode-edit.js";
import { walkToNewName } from "../new-name.js";

/**
 * Creates directory `path` with `mode` (before the umask).
 *
 * @example
 * mkdir(session, "/piyo", 0o764); // { ok: true, value: { type: "directory", ... } }
 */
export function mkdir(session: FileSession, path: string, mode = 0o777): FsResult<FileStat> {
  const place = walkToNewName(session, path, true);
  if (!place.ok) return failWith(place.errno, path);
  const { dir, name } = place.value;
  const denied = mayCreate(session.identity, dir.inode, session.readOnly);
  if (denied) return failWith(denied, path);
  return succeed(
    toFileStat(createEntry(session, dir.inode.ino, name, { type: "directory", mode })),
  );
}
