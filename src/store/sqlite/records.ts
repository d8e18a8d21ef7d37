/**
 * Control-plane records in SQLite: JSON text keyed by (kind, id), listed
 * in id order by the primary key's index. Each operation is one statement,
 * and so one transaction.
 */
import { fromJson, toJson } from "../json-value.js";
import type { RecordStore } from "../port.js";
import type { Connection } from "./connection.js";

/**
 * Prepares the record statements once for `db`.
 *
 * @example
 * const records = sqliteRecords(db);
 * records.put("file-system", "fs-1", { name: "data" });
 */
export function sqliteRecords(db: Connection): RecordStore {
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
  return {
    get(kind, id) {
      const json = select.get(kind, id);
      return json === undefined ? undefined : fromJson(json);
    },
    put(kind, id, value) {
      upsert.run(kind, id, toJson(value, `record \`${kind}/${id}\``));
    },
    delete(kind, id) {
      remove.run(kind, id);
    },
    list: <T>(kind: string) => list.all(kind).map((json) => fromJson<T>(json)),
  };
}
