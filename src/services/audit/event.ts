/**
 * The audit trail's record: one CloudTrail-style event per API call that
 * reached authentication, kept in the store's `audit` event stream. Field
 * names follow CloudTrail's record contents (`eventVersion`, `eventTime`,
 * `eventSource`, `eventName`, `userIdentity`, `errorCode`, …);
 * `serviceEventDetails` carries accesslab's own explanation: every policy
 * decision the call needed, with its reasons and the deciding statements.
 * Request parameters are never recorded (they can carry secrets); only the
 * ARNs of the resources the call was authorized on.
 */

/** The event stream of API-call records. */
export const AUDIT_STREAM = "audit";

/** CloudTrail's current record version. */
export const EVENT_VERSION = "1.09";

/** Who made the call, as CloudTrail's `userIdentity`. */
export interface AuditIdentity {
  readonly type: "Root" | "IAMUser" | "AssumedRole" | "AWSService" | "Unknown";
  readonly principalId?: string;
  readonly arn?: string;
  readonly accountId?: string;
  readonly accessKeyId?: string;
  readonly userName?: string;
  readonly invokedBy?: string;
  readonly sessionContext?: {
    readonly sessionIssuer: {
      readonly type: "Role";
      readonly principalId?: string;
      readonly arn: string;
      readonly accountId: string;
      readonly userName: string;
    };
    readonly attributes: { readonly mfaAuthenticated: "false" };
  };
}

/** One deciding statement of a decision. */
export interface AuditStatement {
  /** The policy's name (inline policy name, managed policy ARN, …) or its kind. */
  readonly policy: string;
  readonly policyType: string;
  readonly effect: "Allow" | "Deny";
  readonly sid?: string;
  readonly line?: number;
  readonly column?: number;
}

/** One policy decision made for the call. */
export interface AuditDecision {
  readonly action: string;
  readonly resource: string;
  readonly decision: "Allowed" | "ImplicitlyDenied" | "ExplicitlyDenied";
  readonly reasons: readonly string[];
  readonly deniedBy?: string;
  readonly deciding: readonly AuditStatement[];
}

/** One CloudTrail-style record. */
export interface AuditEvent {
  readonly eventVersion: string;
  readonly eventTime: string;
  readonly eventSource: string;
  readonly eventName: string;
  readonly awsRegion?: string;
  readonly sourceIPAddress?: string;
  readonly userAgent?: string;
  readonly requestID?: string;
  readonly eventID: string;
  readonly eventType: "AwsApiCall" | "AwsServiceEvent";
  readonly readOnly?: boolean;
  readonly recipientAccountId?: string;
  readonly userIdentity: AuditIdentity;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly resources?: readonly { readonly ARN: string }[];
  readonly serviceEventDetails?: Readonly<Record<string, unknown>>;
}

const READ_ONLY = /^(Get|List|Describe|Simulate|Validate|Head)/;

/**
 * Whether an operation only reads, as CloudTrail's `readOnly` says.
 *
 * @example
 * isReadOnly("GetSecretValue"); // true
 * isReadOnly("CreateRole"); // false
 */
export function isReadOnly(operation: string): boolean {
  return READ_ONLY.test(operation);
}
