/**
 * Ending, when a composition (`serve`) opens a state, the tasks an
 * earlier `serve` left unfinished: after a SIGKILL nothing recorded their
 * end, so they would stay PROVISIONING, PENDING or RUNNING forever while
 * their containers might still run with a credentials endpoint that no
 * longer answers. Each such task is ended as ECS ends a task whose host
 * went away: every container process group still running is handed to
 * the runner's {@link EndLeftover}, which kills it only once it has
 * verified it is the task's; then the task is recorded STOPPED (see
 * {@link hostGoneTask}) and its container credentials are withdrawn.
 * `serve` also calls it when it stops, after its runner has closed, for
 * whatever did not report its exit in time.
 */
import type { ServiceContext } from "../context.js";
import { deregisterContainerCredentials } from "../credentials/container-registrations.js";
import { hostGoneTask } from "./host-gone.js";
import type { LeftoverOutcome } from "./leftover-port.js";
import { ECS_RECORD, type Task } from "./model.js";
import { containerOutput, outputTail } from "./task-updates.js";

/** One container process group that a task record said was running. */
export interface LeftoverReport {
  readonly taskArn: string;
  readonly container: string;
  readonly pid: number;
  readonly outcome: LeftoverOutcome;
}

/** What {@link resumeTasks} did. */
export interface ResumedTasks {
  /** The ARNs of the tasks it recorded STOPPED. */
  readonly stopped: readonly string[];
  /** Each recorded container process and what became of it. */
  readonly containers: readonly LeftoverReport[];
}

/**
 * Ends every task that is not STOPPED: kills its verified leftover
 * containers, then records it STOPPED.
 *
 * @example
 * const { stopped, containers } = resumeTasks(env.services);
 * containers.filter((c) => c.outcome === "ended").length; // 1
 */
export function resumeTasks(ctx: ServiceContext): ResumedTasks {
  const open = ctx.store.records
    .list<Task>(ECS_RECORD.task)
    .filter((t) => t.lastStatus !== "STOPPED");
  const containers: LeftoverReport[] = [];
  for (const task of open) containers.push(...endContainers(ctx, task));
  for (const task of open) {
    ctx.store.transaction(() => {
      const current = ctx.store.records.get<Task>(ECS_RECORD.task, task.taskId);
      if (!current || current.lastStatus === "STOPPED") return;
      const tailOf = (name: string) =>
        outputTail(containerOutput(ctx, task.taskId, name)?.text ?? "");
      ctx.store.records.put(
        ECS_RECORD.task,
        task.taskId,
        hostGoneTask(current, ctx.clock(), tailOf),
      );
      if (current.credentialsId !== undefined)
        deregisterContainerCredentials(ctx, current.credentialsId);
    });
  }
  return { stopped: open.map((t) => t.taskArn), containers };
}

function endContainers(ctx: ServiceContext, task: Task): LeftoverReport[] {
  const end = ctx.taskRunner?.endLeftover;
  const reports: LeftoverReport[] = [];
  for (const container of task.containers) {
    if (container.lastStatus === "STOPPED" || container.runtimeId === undefined) continue;
    const pid = Number(container.runtimeId);
    if (!Number.isInteger(pid) || pid <= 1) continue;
    const outcome: LeftoverOutcome = end
      ? end({
          pid,
          taskId: task.taskId,
          ...(task.credentialsId !== undefined ? { credentialsId: task.credentialsId } : {}),
        })
      : "unverifiable";
    reports.push({ taskArn: task.taskArn, container: container.name, pid, outcome });
  }
  return reports;
}
