/**
 * The in-memory event log: per stream, an array of JSON texts whose
 * sequence numbers are their positions counted from 1, as in the SQLite
 * adapter. Appends go through the store's undo log.
 */
import { fromJson, toJson } from "../json-value.js";
import type { EventLog } from "../port.js";
import { setTracked, type UndoLog } from "./undo-log.js";

/**
 * Creates an empty in-memory event log.
 *
 * @example
 * const events = memoryEvents(createJournal().log);
 * events.append("fs-1", { kind: "mount" });
 * events.read("fs-1"); // [{ seq: 1, event: { kind: "mount" } }]
 */
export function memoryEvents(log: UndoLog): EventLog {
  const streams = new Map<string, string[]>();
  return {
    append(stream, event) {
      const json = toJson(event, `event in \`${stream}\``);
      let events = streams.get(stream);
      if (!events) {
        events = [];
        setTracked(log, streams, stream, events);
      }
      const appended = events;
      log.record(() => {
        appended.pop();
      });
      appended.push(json);
    },
    read<T>(stream: string, afterSeq = 0) {
      const events = streams.get(stream) ?? [];
      const start = Math.max(0, Math.floor(afterSeq));
      return events
        .slice(start)
        .map((json, i) => ({ seq: start + i + 1, event: fromJson<T>(json) }));
    },
  };
}
