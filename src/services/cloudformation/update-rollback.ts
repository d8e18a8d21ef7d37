/**
 * Rolling back a failed stack update: the stack goes
 * `UPDATE_ROLLBACK_IN_PROGRESS` with the reason, resources updated in
 * place are put back as they were (newest first), then in
 * `UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS` every physical resource
 * the update created (added resources and new replacements) is deleted in
 * reverse order. The originals were never deleted (that happens only in
 * the cleanup of a successful update), so the stack ends
 * `UPDATE_ROLLBACK_COMPLETE` with its previous resources, outputs,
 * parameters, imports and service role, or `UPDATE_ROLLBACK_FAILED` when a
 * deletion or restoration was refused.
 */
import type { ResolvedValue } from "../../templates/model.js";
import type { ServiceContext } from "../context.js";
import type { DeployActor } from "./actor.js";
import { handlerEnv } from "./create-resource.js";
import { recordEvent, recordStackEvent } from "./events.js";
import { failureReason } from "./failure-reason.js";
import type { Stack, StackResource } from "./model.js";
import { PropertyReader } from "./properties.js";
import { removeResources } from "./remove-resources.js";
import { handlerFor } from "./resources/index.js";
import { saveStack } from "./stacks.js";

/** What a failed update had done when it failed. */
export interface UpdateProgress {
  /** New physical resources, in creation order (a failed add last, `CREATE_FAILED`). */
  readonly made: readonly StackResource[];
  /** Resources changed in place: as they were, and as they are now. */
  readonly inPlace: readonly { readonly before: StackResource; readonly after: StackResource }[];
}

/**
 * Rolls `updating` back to `original`; answers the stack as it ended.
 *
 * @example
 * rollBackUpdate(ctx, original, updating, { made, inPlace: [] }, actor, reason).status; // "UPDATE_ROLLBACK_COMPLETE"
 */
export function rollBackUpdate(
  ctx: ServiceContext,
  original: Stack,
  updating: Stack,
  progress: UpdateProgress,
  actor: DeployActor,
  reason: string,
): Stack {
  const rolling: Stack = {
    ...updating,
    status: "UPDATE_ROLLBACK_IN_PROGRESS",
    statusReason: reason,
  };
  saveStack(ctx, rolling);
  recordStackEvent(ctx, rolling, "UPDATE_ROLLBACK_IN_PROGRESS", reason);
  let restoreFailed = false;
  for (const { before, after } of [...progress.inPlace].reverse())
    if (!restore(ctx, rolling, before, after, actor)) restoreFailed = true;
  const { statusReason: _dropped, ...rest } = rolling;
  const cleanup: Stack = { ...rest, status: "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS" };
  saveStack(ctx, cleanup);
  recordStackEvent(ctx, cleanup, "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS");
  const deleted = removeResources(ctx, cleanup, progress.made, actor);
  const failed = restoreFailed || deleted.some((r) => r.status === "DELETE_FAILED");
  const { statusReason: _old, ...previous } = original;
  const ended: Stack = {
    ...previous,
    status: failed ? "UPDATE_ROLLBACK_FAILED" : "UPDATE_ROLLBACK_COMPLETE",
    ...(updating.lastUpdatedTimeMs === undefined
      ? {}
      : { lastUpdatedTimeMs: updating.lastUpdatedTimeMs }),
  };
  saveStack(ctx, ended);
  recordStackEvent(ctx, ended, ended.status);
  return ended;
}

function restore(
  ctx: ServiceContext,
  stack: Stack,
  before: StackResource,
  after: StackResource,
  actor: DeployActor,
): boolean {
  const { logicalId, type } = before;
  recordEvent(ctx, stack, {
    logicalId,
    physicalId: after.physicalId,
    type,
    status: "UPDATE_IN_PROGRESS",
  });
  try {
    const props = JSON.parse(before.properties ?? "{}") as Record<string, ResolvedValue>;
    handlerFor(type).update?.(
      handlerEnv(ctx, stack, logicalId, actor),
      new PropertyReader(logicalId, props),
      after,
    );
    recordEvent(ctx, stack, {
      logicalId,
      physicalId: before.physicalId,
      type,
      status: "UPDATE_COMPLETE",
    });
    return true;
  } catch (error) {
    const reason = failureReason(type, error);
    recordEvent(ctx, stack, {
      logicalId,
      physicalId: after.physicalId,
      type,
      status: "UPDATE_FAILED",
      reason,
    });
    return false;
  }
}
