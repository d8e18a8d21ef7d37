/**
 * How `accesslab events` prints one audit record: `json` is the record
 * itself on one line; `text` is one aligned line with the time, the event
 * source, the event name, the principal, and the outcome (`ok`, or
 * `refused <ErrorCode>` / `failed <ErrorCode>` followed by why: the
 * engine's reason and the deciding statements for a refused
 * authorization, the error message otherwise).
 */
import type { AuditDecision, AuditEvent } from "../../services/audit/event.js";

/** Error codes that refuse the caller (authentication or authorization), not the request. */
const REFUSALS =
  /denied|refused|^(SignatureDoesNotMatch|InvalidClientTokenId|ExpiredToken|UnrecognizedClient|IncompleteSignature|MissingAuthenticationToken|InvalidSignature|AuthFailure|RequestExpired|UnauthorizedOperation)/i;

/** The output formats. */
export const EVENT_FORMATS = ["text", "json"] as const;

/** One of {@link EVENT_FORMATS}. */
export type EventFormat = (typeof EVENT_FORMATS)[number];

/**
 * One output line for `event` (without the newline).
 *
 * @example
 * formatEvent(event, "text");
 * // "2026-11-23T21:00:00.000Z  iam.amazonaws.com  CreateRole  arn:aws:iam::000000000000:user/bob  refused AccessDenied: no identity-based policy allows `iam:CreateRole`"
 */
export function formatEvent(event: AuditEvent, format: EventFormat): string {
  if (format === "json") return JSON.stringify(event);
  const { arn, principalId, accessKeyId } = event.userIdentity;
  const who =
    arn ??
    (accessKeyId !== undefined ? `unknown caller (key ${accessKeyId})` : undefined) ??
    principalId ??
    "unknown caller";
  return [event.eventTime, event.eventSource, event.eventName, who, outcome(event)].join("  ");
}

function outcome(event: AuditEvent): string {
  if (event.errorCode === undefined) return "ok";
  const refused = refusedDecision(event);
  const verb = refused || REFUSALS.test(event.errorCode) ? "refused" : "failed";
  const why = refused ? explain(refused) : (event.errorMessage ?? "");
  return why === "" ? `${verb} ${event.errorCode}` : `${verb} ${event.errorCode}: ${why}`;
}

function refusedDecision(event: AuditEvent): AuditDecision | undefined {
  const decisions = event.serviceEventDetails?.decisions;
  if (!Array.isArray(decisions)) return undefined;
  return (decisions as AuditDecision[]).find((d) => d.decision !== "Allowed");
}

function explain(decision: AuditDecision): string {
  const reason = decision.reasons[0] ?? decision.decision;
  const statements = decision.deciding.map((s) =>
    s.sid === undefined ? s.policy : `${s.policy} (${s.sid})`,
  );
  return statements.length === 0 ? reason : `${reason} [${statements.join(", ")}]`;
}
