/**
 * Marking the running tasks as stopping because their host is going away,
 * when a composition (`serve`) stops gracefully: before its runner kills
 * the containers, each task that is not already stopping gets desired
 * status STOPPED with {@link HOST_GONE_STOP_CODE} and
 * {@link HOST_GONE_REASON}, so the exits the runner then reports (Docker's
 * 137 for SIGKILL) end the task as the host's doing rather than as an
 * essential container's ("Essential container in task exited"). What has
 * not reported its exit by the time the runner has closed is ended by
 * `resumeTasks`.
 */
import type { ServiceContext } from "../context.js";
import { HOST_GONE_REASON, HOST_GONE_STOP_CODE } from "./assumptions.js";
import { ECS_RECORD, type Task } from "./model.js";

/**
 * Marks every task that is running or starting as stopping because its
 * host stops; returns their ARNs.
 *
 * @example
 * stopTasksForShutdown(env.services); // ["arn:aws:ecs:us-east-1:000000000000:task/default/…"]
 */
export function stopTasksForShutdown(ctx: ServiceContext): string[] {
  const marked: string[] = [];
  ctx.store.transaction(() => {
    for (const task of ctx.store.records.list<Task>(ECS_RECORD.task)) {
      if (task.lastStatus === "STOPPED" || task.desiredStatus === "STOPPED") continue;
      ctx.store.records.put(ECS_RECORD.task, task.taskId, {
        ...task,
        desiredStatus: "STOPPED",
        stoppingAt: ctx.clock(),
        stopCode: HOST_GONE_STOP_CODE,
        stoppedReason: HOST_GONE_REASON,
      } satisfies Task);
      marked.push(task.taskArn);
    }
  });
  return marked;
}
