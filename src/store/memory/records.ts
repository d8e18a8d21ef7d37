/**
 * The in-memory record store: JSON text per kind and id, listed in id
 * order (UTF-8 byte order, as SQLite lists them). Changes go through the
 * store's undo log.
 */
import { fromJson, toJson } from "../json-value.js";
import { compareNames } from "../name-order.js";
import type { RecordStore } from "../port.js";
import { deleteTracked, setTracked, type UndoLog } from "./undo-log.js";

/**
 * Creates an empty in-memory record store.
 *
 * @example
 * const records = memoryRecords(createJournal().log);
 * records.put("file-system", "fs-1", { name: "data" });
 * records.list("file-system"); // [{ name: "data" }]
 */
export function memoryRecords(log: UndoLog): RecordStore {
  const kinds = new Map<string, Map<string, string>>();
  return {
    get(kind, id) {
      const json = kinds.get(kind)?.get(id);
      return json === undefined ? undefined : fromJson(json);
    },
    put(kind, id, value) {
      const json = toJson(value, `record \`${kind}/${id}\``);
      let byId = kinds.get(kind);
      if (!byId) {
        byId = new Map();
        setTracked(log, kinds, kind, byId);
      }
      setTracked(log, byId, id, json);
    },
    delete(kind, id) {
      const byId = kinds.get(kind);
      if (byId) deleteTracked(log, byId, id);
    },
    list<T>(kind: string): T[] {
      const byId = kinds.get(kind);
      if (!byId) return [];
      return [...byId].sort(([a], [b]) => compareNames(a, b)).map(([, json]) => fromJson<T>(json));
    },
  };
}
