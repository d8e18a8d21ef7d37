/**
 * The memory adapter: everything a running accesslab keeps, in maps, gone
 * when the process ends. Used by tests and by `check`. Transactions are an
 * undo log (see undo-log.ts): a throw reverts exactly what the work changed,
 * nested transactions act as savepoints inside the outer one.
 */
import type { Store, TreeStore } from "../port.js";
import { memoryEvents } from "./events.js";
import { memoryRecords } from "./records.js";
import { memoryTree } from "./tree.js";
import { treeHandle } from "./tree-handle.js";
import { createJournal, deleteTracked, setTracked } from "./undo-log.js";

/**
 * Creates an empty in-memory store.
 *
 * @example
 * const store = memoryStore();
 * store.transaction(() => store.records.put("file-system", "fs-1", { name: "data" }));
 * store.records.get("file-system", "fs-1"); // { name: "data" }
 */
export function memoryStore(): Store {
  const { log, run } = createJournal();
  const trees = new Map<string, TreeStore>();
  const handles = new Map<string, TreeStore>();
  function current(fileSystemId: string): TreeStore {
    let tree = trees.get(fileSystemId);
    if (!tree) {
      tree = memoryTree(log);
      setTracked(log, trees, fileSystemId, tree);
    }
    return tree;
  }
  return {
    tree(fileSystemId) {
      let handle = handles.get(fileSystemId);
      if (!handle) {
        handle = treeHandle(() => current(fileSystemId));
        handles.set(fileSystemId, handle);
      }
      return handle;
    },
    dropTree: (fileSystemId) => deleteTracked(log, trees, fileSystemId),
    records: memoryRecords(log),
    events: memoryEvents(log),
    transaction: run,
    close() {},
  };
}
