/**
 * A read cache in front of the SQLite records: the JSON text of each record
 * read or written by this connection, so the handful of lookups a request
 * makes (access key, user, role, the resource) cost no statement each. Two
 * things keep it true: a write updates the cache only after its statement
 * succeeded and a failed transaction empties it (its writes were rolled
 * back), and a commit by another process (`accesslab credentials` on the
 * same state) is noticed through `PRAGMA data_version`, checked at the
 * first read of each event-loop turn. Values are parsed on every read, so
 * callers get their own copies as before.
 */
import type { Connection } from "./connection.js";

/** Entries kept before the cache starts over. */
const MAX_ENTRIES = 10_000;

/** The cache's operations, used by the records and the store's transaction. */
export interface RecordCache {
  /** The cached text; `null` when known missing, `undefined` when not cached. */
  get(kind: string, id: string): string | null | undefined;
  set(kind: string, id: string, json: string | null): void;
  /** Forgets everything (after a rollback). */
  clear(): void;
}

/**
 * A cache for `db`'s records.
 *
 * @example
 * const cache = recordCache(db);
 * cache.get("iam/user", "bob") ?? cache.set("iam/user", "bob", readFromDb());
 */
export function recordCache(db: Connection): RecordCache {
  const entries = new Map<string, string | null>();
  const version = db.prepare<[], number>("PRAGMA data_version").pluck();
  let seenVersion = version.get();
  let checkedThisTurn = false;
  const noticeOtherWriters = () => {
    if (checkedThisTurn) return;
    checkedThisTurn = true;
    setImmediate(() => {
      checkedThisTurn = false;
    });
    const now = version.get();
    if (now !== seenVersion) {
      seenVersion = now;
      entries.clear();
    }
  };
  const key = (kind: string, id: string) => `${kind}\u0000${id}`;
  return {
    get(kind, id) {
      noticeOtherWriters();
      return entries.get(key(kind, id));
    },
    set(kind, id, json) {
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(key(kind, id), json);
    },
    clear: () => entries.clear(),
  };
}
