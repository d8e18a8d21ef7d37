/**
 * Reading a file's bytes: an open for reading (read permission), then the
 * data; a directory opens but cannot be read (EISDIR). Updates the access
 * time by the relatime rule.
 */
import { isDirectoryMode } from "../../../engines/posix/index.js";
import type { FileSession, FsResult } from "../file-session.js";
import { failWith, succeed } from "../file-session.js";
import { touchAccessTime } from "../inode-edit.js";
import { openInode } from "./open.js";

/** Which bytes to read; the whole file by default. */
export interface ReadRange {
  readonly offset?: number;
  readonly length?: number;
}

/**
 * Reads `path` (or `range` of it).
 *
 * @example
 * new TextDecoder().decode(readFile(session, "/first.txt").value); // "hello\n"
 */
export function readFile(
  session: FileSession,
  path: string,
  range: ReadRange = {},
): FsResult<Uint8Array> {
  const opened = openInode(session, path, { read: true });
  if (!opened.ok) return failWith(opened.errno, path);
  const { inode } = opened.value;
  if (isDirectoryMode(inode.mode)) return failWith("EISDIR", path);
  const offset = range.offset ?? 0;
  if (offset < 0 || (range.length !== undefined && range.length < 0)) {
    return failWith("EINVAL", path);
  }
  const length = range.length ?? Math.max(0, inode.size - offset);
  const data = session.tree.readData(inode.ino, offset, length);
  touchAccessTime(session, inode);
  return succeed(data);
}
