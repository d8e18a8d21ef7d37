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
 * records.listWhere("file-system", "name", "data"); // [{ name: "data" }]
 * records.count("file-system"); // 1
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
    listWhere<T>(kind: string, field: string, value: string): T[] {
      const byId = kinds.get(kind);
      if (!byId) return [];
      // A record is JSON.stringify text, so its top-level `field` reads exactly
      // `"field":"value"` somewhere in it: only texts holding that are parsed,
      // and the parsed record decides (the text may be in a nested object).
      const member = `${JSON.stringify(field)}:${JSON.stringify(value)}`;
      const found: [string, T][] = [];
      for (const [id, json] of byId) {
        if (!json.includes(member)) continue;
        const record = fromJson<T>(json);
        if ((record as Record<string, unknown> | null)?.[field] === value) found.push([id, record]);
      }
      return found.sort(([a], [b]) => compareNames(a, b)).map(([, record]) => record);
    },
    count(kind) {
      return kinds.get(kind)?.size ?? 0;
    },
  };
}
