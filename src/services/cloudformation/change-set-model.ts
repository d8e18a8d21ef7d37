/**
 * What CloudFormation keeps about a change set: its id
 * (`arn:aws:cloudformation:<region>:<account>:changeSet/<name>/<uuid>`)
 * and name, its stack, its type (CREATE for a stack that does not exist
 * yet, UPDATE), its status (`CREATE_COMPLETE`, or `FAILED` with the
 * reason) and execution status, the changes it lists, and what executing
 * it needs again: the template body, the parameter values, the service
 * role and the capabilities. Stored as records, so change sets survive a
 * restart of `serve`.
 */
import type { ResourceChange } from "./resource-changes.js";

/** CREATE (a new stack, `REVIEW_IN_PROGRESS` until executed) or UPDATE. */
export type ChangeSetType = "CREATE" | "UPDATE";

/** A change set's status (computed at once, so never `CREATE_IN_PROGRESS`). */
export type ChangeSetStatus = "CREATE_COMPLETE" | "FAILED";

/** Whether a change set can be executed, or how its execution went. */
export type ExecutionStatus = "AVAILABLE" | "UNAVAILABLE" | "EXECUTE_COMPLETE" | "EXECUTE_FAILED";

/** A stored change set. */
export interface ChangeSet {
  readonly changeSetId: string;
  readonly changeSetName: string;
  readonly stackId: string;
  readonly stackName: string;
  readonly type: ChangeSetType;
  readonly status: ChangeSetStatus;
  readonly statusReason?: string;
  readonly executionStatus: ExecutionStatus;
  readonly creationTimeMs: number;
  readonly description?: string;
  readonly templateBody: string;
  readonly parameters: Readonly<Record<string, string>>;
  readonly roleArn?: string;
  readonly capabilities: readonly string[];
  readonly changes: readonly ResourceChange[];
}
