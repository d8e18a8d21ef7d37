/**
 * The whole audit trail, read incrementally: the API-call records of the
 * `audit` stream and the EFS connection events of every
 * `efs-connections/<id>` stream, as audit records merged by event time.
 * Each `poll()` returns only what was appended since the previous one, so
 * `accesslab events --follow` can call it on a timer.
 */
import type { ConnectionEvent } from "../efs/events.js";
import { CONNECTION_STREAM_PREFIX, connectionRecord } from "./connections.js";
import { AUDIT_STREAM, type AuditEvent } from "./event.js";

/** Read access to event streams, as a store (or a read-only view of one) gives it. */
export interface StreamReader {
  /** The names of the streams starting with `prefix`. */
  streams(prefix: string): string[];
  read<T>(stream: string, afterSeq?: number): { seq: number; event: T }[];
}

/** An incremental reader of the audit trail. */
export interface AuditFeed {
  /** The events appended since the last poll (all of them the first time), oldest first. */
  poll(): AuditEvent[];
}

/**
 * A feed over `reader`.
 *
 * @example
 * const feed = auditFeed(reader);
 * feed.poll(); // every event so far
 * feed.poll(); // [] until something new is recorded
 */
export function auditFeed(reader: StreamReader): AuditFeed {
  const seen = new Map<string, number>();
  const take = <T>(stream: string) => {
    const rows = reader.read<T>(stream, seen.get(stream) ?? 0);
    const last = rows[rows.length - 1];
    if (last !== undefined) seen.set(stream, last.seq);
    return rows;
  };
  return {
    poll() {
      const events: AuditEvent[] = take<AuditEvent>(AUDIT_STREAM).map((row) => row.event);
      for (const stream of reader.streams(CONNECTION_STREAM_PREFIX)) {
        for (const row of take<ConnectionEvent>(stream)) {
          events.push(connectionRecord(row.event, stream, row.seq));
        }
      }
      // A stable sort keeps each stream's own order among equal times.
      return events.sort((a, b) =>
        a.eventTime < b.eventTime ? -1 : a.eventTime > b.eventTime ? 1 : 0,
      );
    },
  };
}
