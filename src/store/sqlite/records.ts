/**
 * Control-plane records in SQLite: JSON text keyed by (kind, id), listed
 * in id order by the primary key's index. Each operation is one statement,
 * and so one transaction. Single reads go through the connection's
 * `RecordCache`; lists always ask SQLite.
 */
import { fromJson, toJson } from "../json-value.js";
import type { RecordStore } from "../port.js";
import type { Connection } from "./connection.js";
import type { RecordCache } from "./record-cache.js";

/**
 * Prepares the record statements once for `db`.
 *
 * @example
 * const records = sqliteRecords(db, recordCache(db));
 * records.put("file-system", "fs-1", { name: "data" });
 * records.listWhere("file-system", "name", "data"); // [{ name: "data" }]
 * records.count("file-system"); // 1
 */
export function sqliteRecords(db: Connection, cache: RecordCache): RecordStore {
  const select = db
    .prepare<[string, string], string>("SELECT json FROM records WHERE kind = ? AND id = ?")
    .pluck();
  const upsert = db.prepare<[string, string, string]>(
    `INSERT INTO records (kind, id, json) VALUES (?, ?, ?)
     ON CONFLICT (kind, id) DO UPDATE SET json = excluded.json`,
  );
  const remove = db.prepare<[string, string]>("DELETE FROM records WHERE kind = ? AND id = ?");
  const list = db
    .prepare<[string], string>("SELECT json FROM records WHERE kind = ? ORDER BY id")
    .pluck();
  const listWhere = db
    .prepare<[string, string, string, string], string>(
      "SELECT json FROM records WHERE kind = ? AND json_type(json, ?) = 'text' AND json_extract(json, ?) = ? ORDER BY id",
    )
    .pluck();
  const count = db.prepare<[string], number>("SELECT count(*) FROM records WHERE kind = ?").pluck();
  return {
    get(kind, id) {
      let json = cache.get(kind, id);
      if (json === undefined) {
        json = select.get(kind, id) ?? null;
        cache.set(kind, id, json);
      }
      return json === null ? undefined : fromJson(json);
    },
    put(kind, id, value) {
      const json = toJson(value, `record \`${kind}/${id}\``);
      upsert.run(kind, id, json);
      cache.set(kind, id, json);
    },
    delete(kind, id) {
      remove.run(kind, id);
      cache.set(kind, id, null);
    },
    list: <T>(kind: string) => list.all(kind).map((json) => fromJson<T>(json)),
    listWhere: <T>(kind: string, field: string, value: string) => {
      const path = `$.${JSON.stringify(field)}`;
      return listWhere.all(kind, path, path, value).map((json) => fromJson<T>(json));
    },
    count: (kind) => count.get(kind) ?? 0,
  };
}
