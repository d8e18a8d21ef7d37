/**
 * Small edits of stored inodes the operations share: replacing fields,
 * stamping a directory's modification and change times, adding and
 * dropping links (an inode whose last name goes is deleted with its data),
 * creating a new entry, the relatime rule for access times, and turning a
 * record into a `FileStat`.
 */
import {
  byteLength,
  type FileType,
  fileType,
  newEntryAttributes,
} from "../../engines/posix/index.js";
import type { InodeRecord, TreeStore } from "../../store/port.js";
import type { FileSession, FileStat } from "./file-session.js";
import { DIRECTORY_SIZE } from "./file-system.js";

/** Fields of an inode an operation may change. */
export type InodeChanges = Partial<Omit<InodeRecord, "ino" | "target">>;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Stores `inode` with `changes` applied and returns the new record.
 *
 * @example
 * editInode(tree, inode, { ctimeMs: now });
 */
export function editInode(tree: TreeStore, inode: InodeRecord, changes: InodeChanges): InodeRecord {
  const next: InodeRecord = { ...inode, ...changes };
  tree.putInode(next);
  return next;
}

/**
 * Stamps directory `dirIno`'s mtime and ctime with `now`, adding
 * `linkDelta` to its link count (a subdirectory added or removed).
 *
 * @example
 * stampDirectory(tree, parentIno, now, 1); // after mkdir
 */
export function stampDirectory(tree: TreeStore, dirIno: number, now: number, linkDelta = 0): void {
  const dir = tree.getInode(dirIno);
  if (!dir) return;
  editInode(tree, dir, { mtimeMs: now, ctimeMs: now, nlink: dir.nlink + linkDelta });
}

/**
 * Drops one link of `ino` (a name removed); deletes the inode and its data
 * when no name is left, or when it is a directory.
 *
 * @example
 * dropLink(tree, victimIno, now);
 */
export function dropLink(tree: TreeStore, ino: number, now: number): void {
  const inode = tree.getInode(ino);
  if (!inode) return;
  if (fileType(inode.mode) === "directory" || inode.nlink <= 1) {
    tree.deleteInode(ino);
    return;
  }
  editInode(tree, inode, { nlink: inode.nlink - 1, ctimeMs: now });
}

/** What a new entry is made of. */
export interface NewEntry {
  readonly type: FileType;
  readonly mode: number;
  readonly target?: string;
}

/**
 * Creates inode and name `name` in directory `dirIno` for the session's
 * identity (owner, setgid group, umask as the POSIX engine decides) and
 * stamps the directory.
 *
 * @example
 * createEntry(session, parentIno, "notes.txt", { type: "file", mode: 0o666 });
 */
export function createEntry(
  session: FileSession,
  dirIno: number,
  name: string,
  entry: NewEntry,
): InodeRecord {
  const { tree } = session;
  const parent = tree.getInode(dirIno) as InodeRecord;
  const now = session.clock();
  const owned = newEntryAttributes({
    identity: session.identity,
    parent,
    type: entry.type,
    requestedMode: entry.mode,
    umask: session.umask,
  });
  const isDirectory = entry.type === "directory";
  const base = {
    ino: tree.allocateIno(),
    ...owned,
    nlink: isDirectory ? 2 : 1,
    size: isDirectory
      ? DIRECTORY_SIZE
      : entry.type === "symlink"
        ? byteLength(entry.target ?? "")
        : 0,
    atimeMs: now,
    mtimeMs: now,
    ctimeMs: now,
  };
  const inode: InodeRecord = entry.target === undefined ? base : { ...base, target: entry.target };
  tree.putInode(inode);
  tree.setEntry(dirIno, name, inode.ino);
  stampDirectory(tree, dirIno, now, isDirectory ? 1 : 0);
  return inode;
}

/**
 * Updates the access time after a read, as Linux's relatime does: when it
 * is not after the last modification or change, or is a day old. A
 * read-only session never writes it.
 *
 * @example
 * touchAccessTime(session, inode);
 */
export function touchAccessTime(session: FileSession, inode: InodeRecord): void {
  if (session.readOnly) return;
  const now = session.clock();
  const stale =
    inode.atimeMs <= inode.mtimeMs ||
    inode.atimeMs <= inode.ctimeMs ||
    now - inode.atimeMs >= DAY_MS;
  if (stale) editInode(session.tree, inode, { atimeMs: now });
}

/**
 * The `stat` view of an inode record.
 *
 * @example
 * toFileStat(inode).type; // "file"
 */
export function toFileStat(inode: InodeRecord): FileStat {
  return { ...inode, type: fileType(inode.mode) ?? "file" };
}
