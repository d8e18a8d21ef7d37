/**
 * The SQLite adapter: everything a running accesslab keeps, in one
 * database file (WAL mode) that survives restarts and `kill -9`. Every
 * store operation is one transaction; `transaction(work)` wraps many in one
 * (BEGIN IMMEDIATE, so a second process waits instead of failing midway),
 * and nested calls become savepoints of the outer one.
 */
import type { Store } from "../port.js";
import { openConnection } from "./connection.js";
import { sqliteEvents } from "./events.js";
import { migrate } from "./migrate.js";
import { recordCache } from "./record-cache.js";
import { sqliteRecords } from "./records.js";
import { sqliteTrees } from "./tree.js";

/**
 * Opens (creating if needed, with its directory) the store at `path`.
 *
 * @example
 * const store = sqliteStore(".accesslab/state.db");
 * store.records.put("file-system", "fs-1", { name: "data" });
 * store.close();
 */
export function sqliteStore(path: string): Store {
  const db = openConnection(path);
  try {
    migrate(db, path);
  } catch (error) {
    db.close();
    throw error;
  }
  const trees = sqliteTrees(db);
  const cache = recordCache(db);
  const run = db.transaction((work: () => unknown) => work());
  return {
    tree: (fileSystemId) => trees.tree(fileSystemId),
    dropTree: (fileSystemId) => trees.drop(fileSystemId),
    records: sqliteRecords(db, cache),
    events: sqliteEvents(db),
    transaction: <T>(work: () => T) => {
      try {
        return run.immediate(work) as T;
      } catch (error) {
        // Its writes were rolled back; what the cache learnt from them is void.
        cache.clear();
        throw error;
      }
    },
    close() {
      if (db.open) db.close();
    },
  };
}
