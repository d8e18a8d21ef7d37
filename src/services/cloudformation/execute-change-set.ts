/**
 * ExecuteChangeSet: only an `AVAILABLE` change set can be executed
 * (`InvalidChangeSetStatus` otherwise). Its template body is read again
 * with its parameter values and the exports as they are now, then a
 * CREATE change set creates its `REVIEW_IN_PROGRESS` stack under the
 * stack's id (create-stack.ts) and an UPDATE change set updates the stack
 * (update-stack.ts), with the change set's service role, else the
 * stack's, else the caller. Then the stack's other change sets are
 * deleted and this one is kept as `EXECUTE_COMPLETE`, or `EXECUTE_FAILED`
 * when the stack rolled back (see assumptions.ts). Both run to their end
 * before the call returns.
 */
import type { ServiceContext } from "../context.js";
import type { DeployActor } from "./actor.js";
import { EXECUTED_CHANGE_SET_KEPT } from "./assumptions.js";
import type { ChangeSet } from "./change-set-model.js";
import {
  deleteChangeSet,
  getChangeSet,
  saveChangeSet,
  stackChangeSets,
} from "./change-set-store.js";
import { createStack } from "./create-stack.js";
import { invalidChangeSetStatus } from "./errors.js";
import type { Stack } from "./model.js";
import { readStackTemplate } from "./stack-template.js";
import { getStack } from "./stacks.js";
import { planUpdate } from "./update-plan.js";
import { runUpdate } from "./update-stack.js";

/**
 * Executes a change set; answers the stack as it ended.
 *
 * @example
 * executeChangeSet(ctx, "cs1", "app", caller).status; // "CREATE_COMPLETE"
 */
export function executeChangeSet(
  ctx: ServiceContext,
  nameOrId: string,
  stackName: string | undefined,
  caller: DeployActor,
): Stack {
  const changeSet = getChangeSet(ctx, nameOrId, stackName);
  if (changeSet.executionStatus !== "AVAILABLE")
    throw invalidChangeSetStatus(changeSet.changeSetId, changeSet.executionStatus);
  const stack = getStack(ctx, changeSet.stackId);
  const { parameters, templateBody } = changeSet;
  const { template, imports } = readStackTemplate(ctx, templateBody, "TemplateBody", {
    parameters,
    region: ctx.region,
    accountId: ctx.account,
    stackName: stack.stackName,
    stackId: stack.stackId,
  });
  const common = {
    stackName: stack.stackName,
    template,
    outputs: template.outputs,
    imports,
    parameters,
    caller,
    templateBody,
    ...(changeSet.roleArn === undefined ? {} : { roleArn: changeSet.roleArn }),
  };
  const ended =
    changeSet.type === "CREATE"
      ? createStack(ctx, { ...common, reviewed: true })
      : runUpdate(ctx, stack, common, planUpdate(stack, common));
  settle(ctx, changeSet, ended);
  return ended;
}

function settle(ctx: ServiceContext, executed: ChangeSet, stack: Stack): void {
  for (const other of stackChangeSets(ctx, executed.stackId))
    if (other.changeSetId !== executed.changeSetId) deleteChangeSet(ctx, other);
  if (!EXECUTED_CHANGE_SET_KEPT) {
    deleteChangeSet(ctx, executed);
    return;
  }
  const failed = stack.status.includes("ROLLBACK") || stack.status.endsWith("FAILED");
  saveChangeSet(ctx, {
    ...executed,
    executionStatus: failed ? "EXECUTE_FAILED" : "EXECUTE_COMPLETE",
  });
}
