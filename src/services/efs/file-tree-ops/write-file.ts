/**
 * Writing bytes, path-based: `writeFile` opens for writing (creating and
 * truncating by default, or appending) and writes; `writeAt` writes at an
 * offset of an existing file, leaving a hole of zeros past its end. A
 * write that moves bytes stamps mtime and ctime and, for anyone but the
 * superuser, clears set-user-id (and set-group-id when it is a real one);
 * an empty write changes nothing.
 */
import { modeAfterWrite } from "../../../engines/posix/index.js";
import type { InodeRecord } from "../../../store/port.js";
import type { FileSession, FileStat, FsResult } from "../file-session.js";
import { failWith, succeed } from "../file-session.js";
import { editInode, toFileStat } from "../inode-edit.js";
import { openInode } from "./open.js";

/** How `writeFile` opens its file. */
export interface WriteFileOptions {
  /** O_CREAT; default true. */
  readonly create?: boolean;
  /** O_EXCL; default false. */
  readonly exclusive?: boolean;
  /** O_TRUNC; default true unless appending. */
  readonly truncate?: boolean;
  /** O_APPEND; default false. */
  readonly append?: boolean;
  /** Mode of a created file, before the umask; default 0666. */
  readonly mode?: number;
  /** Open for reading too (O_RDWR), which then needs read permission; default false. */
  readonly read?: boolean;
  /** O_NOFOLLOW: a trailing symbolic link is ELOOP; default false. */
  readonly noFollow?: boolean;
}

const encoder = new TextEncoder();

function bytesOf(data: Uint8Array | string): Uint8Array {
  return typeof data === "string" ? encoder.encode(data) : data;
}

function writeInto(
  session: FileSession,
  inode: InodeRecord,
  offset: number,
  data: Uint8Array,
): InodeRecord {
  if (data.length === 0) return inode;
  const now = session.clock();
  session.tree.writeData(inode.ino, offset, data);
  return editInode(session.tree, inode, {
    size: Math.max(inode.size, offset + data.length),
    mode: modeAfterWrite(session.identity, inode),
    mtimeMs: now,
    ctimeMs: now,
  });
}

/**
 * Writes `data` to `path` as `open` with `options` and one write.
 *
 * @example
 * writeFile(session, "/first.txt", "hello\n", { mode: 0o644 });
 * writeFile(session, "/log.txt", "more\n", { append: true });
 */
export function writeFile(
  session: FileSession,
  path: string,
  data: Uint8Array | string,
  options: WriteFileOptions = {},
): FsResult<FileStat> {
  const append = options.append ?? false;
  const opened = openInode(
    session,
    path,
    {
      read: options.read ?? false,
      write: true,
      create: options.create ?? true,
      exclusive: options.exclusive ?? false,
      truncate: options.truncate ?? !append,
      append,
      noFollow: options.noFollow ?? false,
    },
    options.mode ?? 0o666,
  );
  if (!opened.ok) return failWith(opened.errno, path);
  const { inode } = opened.value;
  const written = writeInto(session, inode, append ? inode.size : 0, bytesOf(data));
  return succeed(toFileStat(written));
}

/**
 * Writes `data` at `offset` of the existing file `path`.
 *
 * @example
 * writeAt(session, "/big.bin", 1_048_576, new Uint8Array([1, 2, 3]));
 */
export function writeAt(
  session: FileSession,
  path: string,
  offset: number,
  data: Uint8Array | string,
): FsResult<FileStat> {
  if (offset < 0) return failWith("EINVAL", path);
  const opened = openInode(session, path, { write: true });
  if (!opened.ok) return failWith(opened.errno, path);
  return succeed(toFileStat(writeInto(session, opened.value.inode, offset, bytesOf(data))));
}
