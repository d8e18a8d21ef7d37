/**
 * Change sets as stored records: a new change set id, saving one, finding
 * one by its id (ARN) or by its name and stack (CloudFormation needs the
 * stack when the name is not an ARN), listing and deleting a stack's
 * change sets.
 */
import type { ServiceContext } from "../context.js";
import { randomUuid } from "../uuid.js";
import type { ChangeSet } from "./change-set-model.js";
import { changeSetNotFound, validationError } from "./errors.js";
import { CFN_RECORD } from "./model.js";
import { findStack } from "./stacks.js";

/**
 * A new change set id for `name`.
 *
 * @example
 * newChangeSetId(ctx, "cs1"); // "arn:aws:cloudformation:us-east-1:000000000000:changeSet/cs1/6f1c…"
 */
export function newChangeSetId(ctx: ServiceContext, name: string): string {
  return `arn:aws:cloudformation:${ctx.region}:${ctx.account}:changeSet/${name}/${randomUuid(ctx.random)}`;
}

/**
 * Stores a change set.
 *
 * @example
 * saveChangeSet(ctx, { ...changeSet, executionStatus: "EXECUTE_COMPLETE" });
 */
export function saveChangeSet(ctx: ServiceContext, changeSet: ChangeSet): void {
  ctx.store.records.put(CFN_RECORD.changeSet, changeSet.changeSetId, changeSet);
}

/**
 * The change sets of a stack (by stack id), oldest first.
 *
 * @example
 * stackChangeSets(ctx, stack.stackId).map((c) => c.changeSetName); // ["cs1"]
 */
export function stackChangeSets(ctx: ServiceContext, stackId: string): ChangeSet[] {
  return ctx.store.records
    .listWhere<ChangeSet>(CFN_RECORD.changeSet, "stackId", stackId)
    .sort((a, b) => a.creationTimeMs - b.creationTimeMs);
}

/**
 * The change set an ARN, or a name and a stack, designate, if any.
 *
 * @example
 * findChangeSet(ctx, "cs1", "app")?.status; // "CREATE_COMPLETE"
 */
export function findChangeSet(
  ctx: ServiceContext,
  nameOrId: string,
  stackName?: string,
): ChangeSet | undefined {
  if (nameOrId.startsWith("arn:"))
    return ctx.store.records.get<ChangeSet>(CFN_RECORD.changeSet, nameOrId);
  if (stackName === undefined)
    throw validationError(
      "StackName must be specified if ChangeSetName is not specified as an ARN.",
    );
  const stack = findStack(ctx, stackName);
  if (!stack) return undefined;
  return stackChangeSets(ctx, stack.stackId).find((c) => c.changeSetName === nameOrId);
}

/**
 * The change set, or CloudFormation's `ChangeSetNotFound`.
 *
 * @example
 * getChangeSet(ctx, "missing", "app"); // throws "ChangeSet [missing] does not exist"
 */
export function getChangeSet(ctx: ServiceContext, nameOrId: string, stackName?: string): ChangeSet {
  const changeSet = findChangeSet(ctx, nameOrId, stackName);
  if (!changeSet) throw changeSetNotFound(nameOrId);
  return changeSet;
}

/**
 * Deletes a change set.
 *
 * @example
 * deleteChangeSet(ctx, changeSet);
 */
export function deleteChangeSet(ctx: ServiceContext, changeSet: ChangeSet): void {
  ctx.store.records.delete(CFN_RECORD.changeSet, changeSet.changeSetId);
}
