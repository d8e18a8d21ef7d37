/**
 * Builds the audit record of one exchange once the chain has answered:
 * CloudTrail's fields from what the steps learned (route, caller, access
 * key, source address, user agent, request id), the error code and message
 * when the call was refused or failed, the ARNs the call was authorized
 * on, and every policy decision as `serviceEventDetails.decisions`. Only
 * the access key id is read from the request's Authorization header;
 * nothing of the body or other headers is recorded.
 */
import { randomUUID } from "node:crypto";
import { toAwsError } from "../protocol/errors.js";
import { parseAuthorization } from "../protocol/sigv4-header.js";
import { auditDecision } from "../services/audit/decisions.js";
import { type AuditEvent, EVENT_VERSION, isReadOnly } from "../services/audit/event.js";
import { eventSource } from "../services/audit/event-source.js";
import { auditIdentity } from "../services/audit/identity.js";
import { redactSecrets } from "./audit-redact.js";
import type { ServerEnv } from "./env.js";
import type { Exchange } from "./exchange.js";

/**
 * The record of `exchange`; `thrown` is what ended the chain, if anything.
 *
 * @example
 * auditRecord(exchange, env, undefined).eventName; // "CreateRole"
 */
export function auditRecord(exchange: Exchange, env: ServerEnv, thrown?: unknown): AuditEvent {
  const { route, caller, request, message } = exchange;
  const ctx = env.services;
  const accessKeyId = accessKeyOf(request?.headers.authorization);
  const keyField = accessKeyId !== undefined ? { accessKeyId } : {};
  const userIdentity = caller
    ? auditIdentity({ principalArn: caller.principalArn, principalId: caller.userId, ...keyField })
    : { type: "Unknown" as const, ...keyField };
  const error = thrown === undefined ? undefined : toAwsError(thrown);
  const operation = exchange.planned?.operation ?? route?.operation ?? "Unknown";
  const userAgent = request?.headers["user-agent"];
  const sourceIp = message.socket?.remoteAddress;
  const resources = [
    ...new Set(exchange.decisions.map((d) => d.ask.resource).filter((r) => r !== "*")),
  ];
  return {
    eventVersion: EVENT_VERSION,
    eventTime: new Date(ctx.clock()).toISOString(),
    eventSource: eventSource(route?.service ?? "unknown"),
    eventName: operation,
    awsRegion: ctx.region,
    ...(sourceIp !== undefined ? { sourceIPAddress: sourceIp } : {}),
    ...(userAgent !== undefined ? { userAgent } : {}),
    requestID: exchange.requestId,
    eventID: randomUUID(),
    eventType: "AwsApiCall",
    readOnly: isReadOnly(operation),
    recipientAccountId: ctx.account,
    userIdentity,
    ...(error
      ? { errorCode: error.code, errorMessage: redactSecrets(error.message, request) }
      : {}),
    ...(resources.length > 0 ? { resources: resources.map((ARN) => ({ ARN })) } : {}),
    serviceEventDetails: {
      iamEnforced: env.enforceIam,
      decisions: exchange.decisions.map((d) =>
        auditDecision(d.ask.action, d.ask.resource, d.decision),
      ),
    },
  };
}

function accessKeyOf(authorization: string | undefined): string | undefined {
  if (authorization === undefined) return undefined;
  const parsed = parseAuthorization(authorization);
  return parsed.ok ? parsed.value.scope.accessKeyId : undefined;
}
