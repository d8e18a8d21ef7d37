/**
 * EFS client-connection events (one per mount attempt, kept per file
 * system in `efs-connections/<id>`) in the audit trail's record shape, so
 * `accesslab events` lists them with the API calls: event source
 * `elasticfilesystem.amazonaws.com`, the event's own name
 * (`NewClientConnection`), and the file system, access point, granted
 * permissions, TLS and IAM flags as `serviceEventDetails`.
 */
import type { ConnectionEvent } from "../efs/events.js";
import { type AuditEvent, EVENT_VERSION } from "./event.js";
import { eventSource } from "./event-source.js";
import { auditIdentity } from "./identity.js";

/** The stream-name prefix of EFS connection events. */
export const CONNECTION_STREAM_PREFIX = "efs-connections/";

/**
 * A connection event as an audit record; `eventID` is its stream and sequence.
 *
 * @example
 * connectionRecord(event, "efs-connections/fs-0123456789abcdef0", 1).eventSource;
 * // "elasticfilesystem.amazonaws.com"
 */
export function connectionRecord(event: ConnectionEvent, stream: string, seq: number): AuditEvent {
  const identity =
    event.userIdentity.type === "AWSPrincipal"
      ? auditIdentity({ principalArn: event.userIdentity.arn })
      : { type: "Unknown" as const, principalId: "anonymous" };
  return {
    eventVersion: EVENT_VERSION,
    eventTime: event.eventTime,
    eventSource: eventSource("efs"),
    eventName: event.eventName,
    sourceIPAddress: event.sourceIpAddress,
    eventID: `${stream}#${seq}`,
    eventType: "AwsServiceEvent",
    userIdentity: identity,
    ...(event.errorCode !== undefined ? { errorCode: event.errorCode } : {}),
    ...(event.errorMessage !== undefined ? { errorMessage: event.errorMessage } : {}),
    serviceEventDetails: {
      fileSystemId: event.fileSystemId,
      ...(event.accessPointId !== undefined ? { accessPointId: event.accessPointId } : {}),
      ...event.serviceEventDetails,
    },
  };
}
