/**
 * The SQLite adapter's trees: a tree handle is just a file system id bound
 * to statements prepared once per database, so handles are cheap, and a
 * handle taken before `dropTree` sees the new empty tree afterwards.
 */
import type { TreeStore } from "../port.js";
import type { Connection } from "./connection.js";
import { dataTable } from "./data.js";
import { entryTable } from "./entries.js";
import { inodeTable } from "./inodes.js";

/** Every tree in one database. */
export interface SqliteTrees {
  tree(fs: string): TreeStore;
  /** Deletes the tree's inodes, entries, chunks and counter, in one transaction. */
  drop(fs: string): void;
}

/**
 * Prepares the tree statements once for `db`.
 *
 * @example
 * const trees = sqliteTrees(db);
 * trees.tree("fs-1").allocateIno(); // 1 in a new tree
 */
export function sqliteTrees(db: Connection): SqliteTrees {
  const inodes = inodeTable(db);
  const entries = entryTable(db);
  const data = dataTable(db);
  const dropStatements = ["trees", "inodes", "entries", "chunks"].map((table) =>
    db.prepare<[string]>(`DELETE FROM ${table} WHERE fs = ?`),
  );
  const drop = db.transaction((fs: string) => {
    for (const statement of dropStatements) statement.run(fs);
  });
  const handles = new Map<string, TreeStore>();
  function bind(fs: string): TreeStore {
    return {
      allocateIno: () => inodes.allocate(fs),
      getInode: (ino) => inodes.get(fs, ino),
      putInode: (inode) => inodes.put(fs, inode),
      deleteInode: (ino) => inodes.delete(fs, ino),
      lookup: (dirIno, name) => entries.lookup(fs, dirIno, name),
      setEntry: (dirIno, name, ino) => entries.set(fs, dirIno, name, ino),
      removeEntry: (dirIno, name) => entries.remove(fs, dirIno, name),
      listEntries: (dirIno) => entries.list(fs, dirIno),
      readData: (ino, offset, length) => data.read(fs, ino, offset, length),
      writeData: (ino, offset, bytes) => data.write(fs, ino, offset, bytes),
      truncateData: (ino, size) => data.truncate(fs, ino, size),
    };
  }
  return {
    tree(fs) {
      let handle = handles.get(fs);
      if (!handle) {
        handle = bind(fs);
        handles.set(fs, handle);
      }
      return handle;
    },
    drop: (fs) => drop.immediate(fs),
  };
}
