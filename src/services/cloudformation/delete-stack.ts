/**
 * DeleteStack: the stack's resources are deleted in reverse creation
 * order, each deletion authorized for the stack's service role when it has
 * one (its trust must still admit CloudFormation) or else the caller, and the stack ends `DELETE_COMPLETE` (then it is
 * found only by its id) or `DELETE_FAILED` when a resource could not be
 * deleted. Deleting a stack that does not exist succeeds, as in AWS. A
 * stack whose export another live stack imports is not deleted: it ends
 * `DELETE_FAILED` with "Export X cannot be deleted as it is in use by Y"
 * and keeps its resources (see assumptions.ts). A deleted stack's change
 * sets are deleted with it.
 */
import type { ServiceContext } from "../context.js";
import { type DeployActor, serviceRoleActor } from "./actor.js";
import { EXPORT_IN_USE_FAILS_DELETE } from "./assumptions.js";
import { deleteChangeSet, stackChangeSets } from "./change-set-store.js";
import { validationError } from "./errors.js";
import { recordStackEvent } from "./events.js";
import { exportStillImported } from "./export-checks.js";
import type { Stack } from "./model.js";
import { removeResources } from "./remove-resources.js";
import { findStack, saveStack } from "./stacks.js";

/**
 * Deletes a stack by name or id; answers it as it ended, or `undefined` when there was none.
 *
 * @example
 * deleteStack(ctx, "app", { principalArn: "arn:aws:iam::000000000000:root" })?.status; // "DELETE_COMPLETE"
 */
export function deleteStack(
  ctx: ServiceContext,
  nameOrId: string,
  caller: DeployActor,
): Stack | undefined {
  const stack = findStack(ctx, nameOrId);
  if (!stack || stack.status === "DELETE_COMPLETE") return undefined;
  const inUse = exportStillImported(ctx, stack);
  if (inUse !== undefined) return refuse(ctx, stack, inUse);
  const actor = stack.roleArn ? serviceRoleActor(ctx, stack.roleArn) : caller;
  const deleting: Stack = {
    ...stack,
    status: "DELETE_IN_PROGRESS",
    statusReason: "User Initiated",
  };
  saveStack(ctx, deleting);
  recordStackEvent(ctx, deleting, "DELETE_IN_PROGRESS", "User Initiated");
  const resources = removeResources(ctx, deleting, stack.resources, actor);
  const failed = resources.some((r) => r.status === "DELETE_FAILED");
  const { statusReason: _dropped, ...rest } = deleting;
  const ended: Stack = {
    ...rest,
    status: failed ? "DELETE_FAILED" : "DELETE_COMPLETE",
    resources,
    deletionTimeMs: ctx.clock(),
    ...(failed ? { statusReason: "The following resource(s) failed to delete." } : {}),
  };
  saveStack(ctx, ended);
  recordStackEvent(ctx, ended, ended.status);
  if (!failed) for (const c of stackChangeSets(ctx, stack.stackId)) deleteChangeSet(ctx, c);
  return ended;
}

function refuse(ctx: ServiceContext, stack: Stack, reason: string): Stack {
  if (!EXPORT_IN_USE_FAILS_DELETE) throw validationError(reason);
  recordStackEvent(ctx, stack, "DELETE_IN_PROGRESS", "User Initiated");
  const failed: Stack = { ...stack, status: "DELETE_FAILED", statusReason: reason };
  saveStack(ctx, failed);
  recordStackEvent(ctx, failed, "DELETE_FAILED", reason);
  return failed;
}
