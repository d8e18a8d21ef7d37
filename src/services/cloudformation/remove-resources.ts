/**
 * Deleting a stack's resources in reverse creation order, for rollback and
 * DeleteStack, with a `DELETE_IN_PROGRESS` then `DELETE_COMPLETE` (or
 * `DELETE_FAILED` with the service's reason) event for each; a resource
 * that never got created (the one that failed) is marked deleted without a
 * service call. Each deletion is authorized for the deploying principal
 * first (see delete-actions.ts). Answers the resources with their new statuses.
 */
import type { ServiceContext } from "../context.js";
import { allowOperation, type DeployActor } from "./actor.js";
import { deleteAsk } from "./delete-actions.js";
import { recordEvent } from "./events.js";
import { failureReason } from "./failure-reason.js";
import type { Stack, StackResource } from "./model.js";
import { handlerFor } from "./resources/index.js";

/**
 * Deletes `resources` (in creation order) from last to first.
 *
 * @example
 * removeResources(ctx, stack, stack.resources, actor).every((r) => r.status === "DELETE_COMPLETE"); // true
 */
export function removeResources(
  ctx: ServiceContext,
  stack: Pick<Stack, "stackId" | "stackName">,
  resources: readonly StackResource[],
  actor: DeployActor,
): StackResource[] {
  const after = [...resources];
  for (let i = after.length - 1; i >= 0; i--) {
    const r = after[i] as StackResource;
    if (r.status === "DELETE_COMPLETE") continue;
    const { logicalId, type, physicalId } = r;
    recordEvent(ctx, stack, { logicalId, physicalId, type, status: "DELETE_IN_PROGRESS" });
    try {
      if (r.status !== "CREATE_FAILED") {
        const ask = deleteAsk(type, physicalId);
        if (ask) allowOperation(ctx, actor, ask.action, ask.resource);
        handlerFor(type).remove(ctx, r.undo);
      }
      recordEvent(ctx, stack, { logicalId, physicalId, type, status: "DELETE_COMPLETE" });
      after[i] = { ...r, status: "DELETE_COMPLETE", timestampMs: ctx.clock() };
    } catch (error) {
      const reason = failureReason(type, error);
      recordEvent(ctx, stack, { logicalId, physicalId, type, status: "DELETE_FAILED", reason });
      after[i] = { ...r, status: "DELETE_FAILED", statusReason: reason, timestampMs: ctx.clock() };
    }
  }
  return after;
}
