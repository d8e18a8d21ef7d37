/**
 * Append-only event streams in SQLite: each event gets the next sequence
 * number of its stream (1, 2, ...) in the same immediate transaction that
 * inserts it, so two writers cannot take the same number.
 */
import { fromJson, toJson } from "../json-value.js";
import type { EventLog } from "../port.js";
import type { Connection } from "./connection.js";

interface EventRow {
  seq: number;
  json: string;
}

/**
 * Prepares the event statements once for `db`.
 *
 * @example
 * const events = sqliteEvents(db);
 * events.append("fs-1", { kind: "mount" });
 * events.read("fs-1", 0); // [{ seq: 1, event: { kind: "mount" } }]
 */
export function sqliteEvents(db: Connection): EventLog {
  const insert = db.prepare<{ stream: string; json: string }>(
    `INSERT INTO events (stream, seq, json)
     SELECT @stream, coalesce(max(seq), 0) + 1, @json FROM events WHERE stream = @stream`,
  );
  const select = db.prepare<[string, number], EventRow>(
    "SELECT seq, json FROM events WHERE stream = ? AND seq > ? ORDER BY seq",
  );
  const append = db.transaction((stream: string, json: string) => {
    insert.run({ stream, json });
  });
  return {
    append(stream, event) {
      append.immediate(stream, toJson(event, `event in \`${stream}\``));
    },
    read: <T>(stream: string, afterSeq = 0) =>
      select.all(stream, afterSeq).map(({ seq, json }) => ({ seq, event: fromJson<T>(json) })),
  };
}
