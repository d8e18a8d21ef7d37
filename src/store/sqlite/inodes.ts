/**
 * Inode rows of the SQLite adapter, plus each tree's inode counter
 * (`trees.next_ino`). Putting an inode numbered at or past the counter
 * moves the counter past it, so `allocateIno` never hands out a number that
 * was ever used in the file system, even after that inode is deleted.
 */
import type { InodeRecord } from "../port.js";
import type { Connection } from "./connection.js";

/** Inode operations on any tree, keyed by file system id. */
export interface InodeTable {
  allocate(fs: string): number;
  get(fs: string, ino: number): InodeRecord | undefined;
  put(fs: string, inode: InodeRecord): void;
  /** Removes the inode row, its directory entries (if a directory) and its chunks. */
  delete(fs: string, ino: number): void;
}

interface InodeRow {
  ino: number;
  mode: number;
  uid: number;
  gid: number;
  nlink: number;
  size: number;
  atimeMs: number;
  mtimeMs: number;
  ctimeMs: number;
  target: string | null;
}

/**
 * Prepares the inode statements once for `db`.
 *
 * @example
 * const inodes = inodeTable(db);
 * inodes.get("fs-1", 1)?.mode; // 0o40755
 */
export function inodeTable(db: Connection): InodeTable {
  const allocate = db
    .prepare<[string], number>(
      `INSERT INTO trees (fs, next_ino) VALUES (?, 2)
       ON CONFLICT (fs) DO UPDATE SET next_ino = next_ino + 1
       RETURNING next_ino - 1`,
    )
    .pluck();
  const bumpCounter = db.prepare<[string, number]>(
    `INSERT INTO trees (fs, next_ino) VALUES (?, ?)
     ON CONFLICT (fs) DO UPDATE SET next_ino = excluded.next_ino
     WHERE excluded.next_ino > trees.next_ino`,
  );
  const select = db.prepare<[string, number], InodeRow>(
    `SELECT ino, mode, uid, gid, nlink, size, atime_ms AS atimeMs, mtime_ms AS mtimeMs,
            ctime_ms AS ctimeMs, target
     FROM inodes WHERE fs = ? AND ino = ?`,
  );
  const upsert = db.prepare<
    [string, number, number, number, number, number, number, number, number, number, string | null]
  >(
    `INSERT INTO inodes (fs, ino, mode, uid, gid, nlink, size, atime_ms, mtime_ms, ctime_ms, target)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (fs, ino) DO UPDATE SET mode = excluded.mode, uid = excluded.uid,
       gid = excluded.gid, nlink = excluded.nlink, size = excluded.size,
       atime_ms = excluded.atime_ms, mtime_ms = excluded.mtime_ms,
       ctime_ms = excluded.ctime_ms, target = excluded.target`,
  );
  const removeInode = db.prepare<[string, number]>("DELETE FROM inodes WHERE fs = ? AND ino = ?");
  const removeEntries = db.prepare<[string, number]>(
    "DELETE FROM entries WHERE fs = ? AND dir = ?",
  );
  const removeChunks = db.prepare<[string, number]>("DELETE FROM chunks WHERE fs = ? AND ino = ?");

  const put = db.transaction((fs: string, inode: InodeRecord) => {
    bumpCounter.run(fs, inode.ino + 1);
    upsert.run(
      fs,
      inode.ino,
      inode.mode,
      inode.uid,
      inode.gid,
      inode.nlink,
      inode.size,
      inode.atimeMs,
      inode.mtimeMs,
      inode.ctimeMs,
      inode.target ?? null,
    );
  });
  const remove = db.transaction((fs: string, ino: number) => {
    removeInode.run(fs, ino);
    removeEntries.run(fs, ino);
    removeChunks.run(fs, ino);
  });
  return {
    allocate: (fs) => allocate.get(fs) as number,
    get(fs, ino) {
      const row = select.get(fs, ino);
      if (!row) return undefined;
      const { target, ...rest } = row;
      return target === null ? rest : { ...rest, target };
    },
    put: (fs, inode) => put.immediate(fs, inode),
    delete: (fs, ino) => remove.immediate(fs, ino),
  };
}
