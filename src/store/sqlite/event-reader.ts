/**
 * A read-only view of a SQLite store's event streams, for a process that
 * watches while another (`accesslab serve`) writes: the database is opened
 * read-only and must exist, nothing is migrated or created, and WAL mode
 * lets each read see every commit made before it without blocking the
 * writer. Stream names can be listed by prefix, which the store port
 * itself does not offer.
 */
import Database from "better-sqlite3";
import { fromJson } from "../json-value.js";
import { StoreError } from "../store-error.js";

/** Read access to the event streams of one database. */
export interface EventReader {
  /** Stream names starting with `prefix`, sorted. */
  streams(prefix: string): string[];
  /** Events of a stream after `afterSeq`, in order. */
  read<T>(stream: string, afterSeq?: number): { seq: number; event: T }[];
  close(): void;
}

/** How long a read waits for a checkpointing writer. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens the events of the database at `path` read-only.
 *
 * @example
 * const reader = openEventReader(".accesslab/state.db");
 * reader.read("audit", 0); // [{ seq: 1, event: { eventName: "CreateRole", … } }]
 * reader.close();
 */
export function openEventReader(path: string): EventReader {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreError(`cannot open store \`${path}\`: ${reason.toLowerCase()}`, {
      cause: error,
    });
  }
  const hasEvents = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'")
    .get();
  if (hasEvents === undefined) {
    db.close();
    throw new StoreError(`cannot open store \`${path}\`: it holds no event log`);
  }
  const streams = db.prepare<{ prefix: string }, { stream: string }>(
    "SELECT DISTINCT stream FROM events WHERE substr(stream, 1, length(@prefix)) = @prefix ORDER BY stream",
  );
  const select = db.prepare<[string, number], { seq: number; json: string }>(
    "SELECT seq, json FROM events WHERE stream = ? AND seq > ? ORDER BY seq",
  );
  return {
    streams: (prefix) => streams.all({ prefix }).map((row) => row.stream),
    read: <T>(stream: string, afterSeq = 0) =>
      select.all(stream, afterSeq).map(({ seq, json }) => ({ seq, event: fromJson<T>(json) })),
    close() {
      if (db.open) db.close();
    },
  };
}
