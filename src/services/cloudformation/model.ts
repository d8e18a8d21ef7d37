/**
 * What CloudFormation keeps about a stack: its name and id, its status and
 * why, the service role it was created with, the resources it made (logical
 * id to physical id and the attributes `Fn::GetAtt` may read, in creation
 * order, each with what undoes it and its resolved properties), its outputs (with their export
 * names), the exports of other stacks it imports; and its events, kept in
 * the order they happened, shaped as DescribeStackEvents answers them.
 */

/** A stack's status (the subset accesslab reaches). */
export type StackStatus =
  | "REVIEW_IN_PROGRESS"
  | "CREATE_IN_PROGRESS"
  | "CREATE_COMPLETE"
  | "ROLLBACK_IN_PROGRESS"
  | "ROLLBACK_COMPLETE"
  | "ROLLBACK_FAILED"
  | "DELETE_IN_PROGRESS"
  | "DELETE_COMPLETE"
  | "DELETE_FAILED"
  | "UPDATE_IN_PROGRESS"
  | "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS"
  | "UPDATE_COMPLETE"
  | "UPDATE_ROLLBACK_IN_PROGRESS"
  | "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS"
  | "UPDATE_ROLLBACK_COMPLETE"
  | "UPDATE_ROLLBACK_FAILED";

/** A resource's status. */
export type ResourceStatus =
  | "CREATE_IN_PROGRESS"
  | "CREATE_COMPLETE"
  | "CREATE_FAILED"
  | "DELETE_IN_PROGRESS"
  | "DELETE_COMPLETE"
  | "DELETE_FAILED"
  | "UPDATE_IN_PROGRESS"
  | "UPDATE_COMPLETE"
  | "UPDATE_FAILED";

/** A resource the stack created. */
export interface StackResource {
  readonly logicalId: string;
  readonly type: string;
  readonly physicalId: string;
  /** What `Fn::GetAtt` reads (`Arn`, `GroupId`, …). */
  readonly attributes: Readonly<Record<string, string>>;
  readonly status: ResourceStatus;
  readonly statusReason?: string;
  readonly timestampMs: number;
  /** What the resource's handler needs to delete it again. */
  readonly undo: Readonly<Record<string, string | readonly string[]>>;
  /**
   * Its resolved properties as canonical JSON (see fingerprint.ts), which an
   * update compares with the new template's to find what changed.
   */
  readonly properties?: string;
}

/** A stack output. */
export interface StackOutput {
  readonly key: string;
  readonly value: string;
  readonly description?: string;
  /** `Export.Name`: other stacks of the account and region may import the value by it. */
  readonly exportName?: string;
}

/** A stored stack. */
export interface Stack {
  readonly stackName: string;
  /** `arn:aws:cloudformation:<region>:<account>:stack/<name>/<uuid>`. */
  readonly stackId: string;
  readonly status: StackStatus;
  readonly statusReason?: string;
  readonly roleArn?: string;
  readonly creationTimeMs: number;
  readonly deletionTimeMs?: number;
  readonly lastUpdatedTimeMs?: number;
  readonly resources: readonly StackResource[];
  readonly outputs: readonly StackOutput[];
  readonly parameters: Readonly<Record<string, string>>;
  /** The export names its template imports (`Fn::ImportValue`), kept while the stack lives. */
  readonly imports?: readonly string[];
  /** The template body it was created or last updated with, when it came as text. */
  readonly templateBody?: string;
}

/** One stack event (DescribeStackEvents `StackEvent`). */
export interface StackEvent {
  readonly eventId: string;
  readonly stackId: string;
  readonly stackName: string;
  readonly logicalResourceId: string;
  readonly physicalResourceId: string;
  readonly resourceType: string;
  readonly timestampMs: number;
  readonly resourceStatus: StackStatus | ResourceStatus;
  readonly resourceStatusReason?: string;
}

/** Record kinds and event streams CloudFormation keeps. */
export const CFN_RECORD = {
  /** Stacks by stack id (deleted ones too, as AWS describes them by id). */
  stack: "cloudformation/stack",
  /** The id of the live stack of a name. */
  stackName: "cloudformation/stack-name",
  /** Change sets by change set id (see change-set-model.ts). */
  changeSet: "cloudformation/change-set",
} as const;

/**
 * The event stream of one stack.
 *
 * @example
 * eventStream("arn:aws:cloudformation:us-east-1:000000000000:stack/app/1"); // "cloudformation/events/arn:…"
 */
export const eventStream = (stackId: string) => `cloudformation/events/${stackId}`;
