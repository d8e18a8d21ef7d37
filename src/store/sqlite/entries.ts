/**
 * Directory entries of the SQLite adapter: one row per name, keyed by
 * (fs, dir, name), so a lookup is one index probe and a listing is one
 * range scan already in name order (BINARY collation: UTF-8 bytes).
 */
import type { DirectoryEntry } from "../port.js";
import type { Connection } from "./connection.js";

/** Entry operations on any tree, keyed by file system id. */
export interface EntryTable {
  lookup(fs: string, dir: number, name: string): number | undefined;
  set(fs: string, dir: number, name: string, ino: number): void;
  remove(fs: string, dir: number, name: string): void;
  list(fs: string, dir: number): DirectoryEntry[];
}

/**
 * Prepares the entry statements once for `db`.
 *
 * @example
 * const entries = entryTable(db);
 * entries.set("fs-1", 1, "a.txt", 2);
 * entries.lookup("fs-1", 1, "a.txt"); // 2
 */
export function entryTable(db: Connection): EntryTable {
  const lookup = db
    .prepare<[string, number, string], number>(
      "SELECT ino FROM entries WHERE fs = ? AND dir = ? AND name = ?",
    )
    .pluck();
  const upsert = db.prepare<[string, number, string, number]>(
    `INSERT INTO entries (fs, dir, name, ino) VALUES (?, ?, ?, ?)
     ON CONFLICT (fs, dir, name) DO UPDATE SET ino = excluded.ino`,
  );
  const remove = db.prepare<[string, number, string]>(
    "DELETE FROM entries WHERE fs = ? AND dir = ? AND name = ?",
  );
  const list = db.prepare<[string, number], DirectoryEntry>(
    "SELECT name, ino FROM entries WHERE fs = ? AND dir = ? ORDER BY name",
  );
  return {
    lookup: (fs, dir, name) => lookup.get(fs, dir, name),
    set(fs, dir, name, ino) {
      upsert.run(fs, dir, name, ino);
    },
    remove(fs, dir, name) {
      remove.run(fs, dir, name);
    },
    list: (fs, dir) => list.all(fs, dir),
  };
}
