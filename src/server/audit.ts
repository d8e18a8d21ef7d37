/**
 * The audit trail's writer: after the chain has answered a call that got
 * as far as authentication (it was routed), one record is appended to the
 * store's `audit` stream. Recording never changes the answer: a failure to
 * record is logged once per server environment and otherwise ignored.
 */
import { AUDIT_STREAM } from "../services/audit/event.js";
import { auditRecord } from "./audit-record.js";
import type { ServerEnv } from "./env.js";
import type { Exchange } from "./exchange.js";

const warned = new WeakSet<ServerEnv>();

/**
 * Records `exchange` in the audit trail; never throws.
 *
 * @example
 * recordAudit(exchange, env, thrown); // one append to the `audit` stream
 */
export function recordAudit(exchange: Exchange, env: ServerEnv, thrown?: unknown): void {
  if (exchange.route === undefined) return;
  try {
    env.services.store.events.append(AUDIT_STREAM, auditRecord(exchange, env, thrown));
  } catch (error) {
    if (warned.has(env)) return;
    warned.add(env);
    const reason = error instanceof Error ? error.message : String(error);
    env.log(`accesslab: cannot record the audit trail (request ${exchange.requestId}): ${reason}`);
  }
}
