/**
 * Connection audit events: one per mount attempt, accepted or refused,
 * shaped like the CloudTrail events EFS records for NFS clients (the exact
 * field names are UNCONFIRMED, aws-facts B12; we follow CloudTrail's usual
 * `eventName`, `userIdentity`, `errorCode`, `serviceEventDetails`).
 */
import type { ClientAction } from "./mount-authorize.js";

/** A `NewClientConnection` event. */
export interface ConnectionEvent {
  readonly eventName: "NewClientConnection";
  readonly eventTime: string;
  readonly fileSystemId: string;
  readonly accessPointId?: string;
  readonly sourceIpAddress: string;
  readonly userIdentity:
    | { readonly type: "AWSPrincipal"; readonly arn: string }
    | { readonly type: "Anonymous" };
  /** `AccessDenied` when the mount was refused for lack of ClientMount; other refusal codes otherwise. */
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly serviceEventDetails: {
    readonly permissions: Readonly<Record<ClientAction, boolean>>;
    readonly tls: boolean;
    readonly iam: boolean;
  };
}

/** The event stream name for a file system. */
export function connectionStream(fileSystemId: string): string {
  return `efs-connections/${fileSystemId}`;
}
