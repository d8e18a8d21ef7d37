/**
 * The audit trail's writer: after the chain has answered a call that got
 * as far as authentication (it was routed), one record is queued for the
 * store's `audit` stream. The queue is written every
 * `AUDIT_FLUSH_DELAY_MS` (or as soon as it holds `AUDIT_FLUSH_BATCH`
 * records, and when the server closes), all of it in one store transaction,
 * so a busy server pays one commit for many calls instead of one each; a
 * process killed outright loses at most the last few milliseconds of
 * records. Recording never changes the answer: a failure to record is
 * logged once per server environment and otherwise ignored.
 */
import { AUDIT_STREAM } from "../services/audit/event.js";
import { auditRecord } from "./audit-record.js";
import type { ServerEnv } from "./env.js";
import type { Exchange } from "./exchange.js";

/** How long a record may wait in the queue before it is written. */
export const AUDIT_FLUSH_DELAY_MS = 20;
/** A queue this long is written at once. */
export const AUDIT_FLUSH_BATCH = 256;

interface Pending {
  readonly records: unknown[];
  scheduled: boolean;
}

const warned = new WeakSet<ServerEnv>();
const pending = new WeakMap<ServerEnv, Pending>();

/**
 * Queues `exchange` for the audit trail; never throws.
 *
 * @example
 * recordAudit(exchange, env, thrown); // appended to the `audit` stream within 20 ms
 */
export function recordAudit(exchange: Exchange, env: ServerEnv, thrown?: unknown): void {
  if (exchange.route === undefined) return;
  let queue = pending.get(env);
  if (queue === undefined) {
    queue = { records: [], scheduled: false };
    pending.set(env, queue);
  }
  try {
    queue.records.push(auditRecord(exchange, env, thrown));
  } catch (error) {
    warnOnce(env, exchange.requestId, error);
    return;
  }
  if (queue.records.length >= AUDIT_FLUSH_BATCH) {
    flushAudit(env);
  } else if (!queue.scheduled) {
    queue.scheduled = true;
    setTimeout(() => flushAudit(env), AUDIT_FLUSH_DELAY_MS).unref();
  }
}

/**
 * Writes every queued record now (the server calls it when closing, tests
 * before they read the trail).
 *
 * @example
 * flushAudit(env);
 */
export function flushAudit(env: ServerEnv): void {
  const queue = pending.get(env);
  if (queue === undefined) return;
  queue.scheduled = false;
  const records = queue.records.splice(0);
  if (records.length === 0) return;
  try {
    env.services.store.transaction(() => {
      for (const record of records) env.services.store.events.append(AUDIT_STREAM, record);
    });
  } catch (error) {
    warnOnce(env, undefined, error);
  }
}

function warnOnce(env: ServerEnv, requestId: string | undefined, error: unknown): void {
  if (warned.has(env)) return;
  warned.add(env);
  const reason = error instanceof Error ? error.message : String(error);
  const where = requestId === undefined ? "" : ` (request ${requestId})`;
  env.log(`accesslab: cannot record the audit trail${where}: ${reason}`);
}
