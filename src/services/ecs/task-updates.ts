/**
 * Recording what the runner reports about a task: a container's start
 * (RUNNING, with its process id; the task is RUNNING once every container
 * has started), its output (the last {@link OUTPUT_KEEP_CHARS} characters
 * kept), and its exit (STOPPED with the exit code or reason, and the last
 * lines of output). When an essential container stops, ECS stops the
 * task's other containers ("Essential container in task exited"); when
 * every container has stopped the task is STOPPED and its credentials id
 * is withdrawn.
 */

import type { ServiceContext } from "../context.js";
import { deregisterContainerCredentials } from "../credentials/container-registrations.js";
import { ESSENTIAL_EXITED, OUTPUT_TAIL_LINES } from "./assumptions.js";
import { type ContainerOutput, type ContainerState, ECS_RECORD, type Task } from "./model.js";
import type { TaskUpdate } from "./task-port.js";

/** How much of a container's output is kept (the end of it). */
export const OUTPUT_KEEP_CHARS = 64 * 1024;

/**
 * Applies one update to the task `taskId`; unknown tasks are ignored.
 *
 * @example
 * recordTaskUpdate(ctx, taskId, { kind: "exited", container: "app", exitCode: 0 });
 */
export function recordTaskUpdate(ctx: ServiceContext, taskId: string, update: TaskUpdate): void {
  let stopOthers = false;
  ctx.store.transaction(() => {
    const task = ctx.store.records.get<Task>(ECS_RECORD.task, taskId);
    if (!task) return;
    if (update.kind === "output") {
      appendOutput(ctx, taskId, update.container, update.text);
      return;
    }
    const next = update.kind === "started" ? started(ctx, task, update) : exited(ctx, task, update);
    stopOthers = next.desiredStatus === "STOPPED" && next.lastStatus !== "STOPPED";
    ctx.store.records.put(ECS_RECORD.task, taskId, next);
    if (next.lastStatus === "STOPPED" && task.credentialsId !== undefined)
      deregisterContainerCredentials(ctx, task.credentialsId);
  });
  if (stopOthers) {
    const task = ctx.store.records.get<Task>(ECS_RECORD.task, taskId);
    if (task) ctx.taskRunner?.stop(task.taskArn);
  }
}

/**
 * A container's captured output.
 *
 * @example
 * containerOutput(ctx, taskId, "app")?.text; // "hello\n"
 */
export function containerOutput(
  ctx: ServiceContext,
  taskId: string,
  container: string,
): ContainerOutput | undefined {
  return ctx.store.records.get<ContainerOutput>(ECS_RECORD.output, `${taskId}/${container}`);
}

function appendOutput(ctx: ServiceContext, taskId: string, container: string, text: string): void {
  const key = `${taskId}/${container}`;
  const known = ctx.store.records.get<ContainerOutput>(ECS_RECORD.output, key);
  const all = (known?.text ?? "") + text;
  const kept: ContainerOutput = {
    text: all.length > OUTPUT_KEEP_CHARS ? all.slice(all.length - OUTPUT_KEEP_CHARS) : all,
    total: (known?.total ?? 0) + text.length,
  };
  ctx.store.records.put(ECS_RECORD.output, key, kept);
}

function started(
  ctx: ServiceContext,
  task: Task,
  update: Extract<TaskUpdate, { kind: "started" }>,
): Task {
  const containers = task.containers.map((c) =>
    c.name === update.container
      ? { ...c, lastStatus: "RUNNING" as const, runtimeId: String(update.pid) }
      : c,
  );
  const all = containers.every((c) => c.lastStatus === "RUNNING" || c.lastStatus === "STOPPED");
  return all && task.lastStatus !== "RUNNING" && task.lastStatus !== "STOPPED"
    ? { ...task, containers, lastStatus: "RUNNING", startedAt: ctx.clock() }
    : { ...task, containers };
}

function exited(
  ctx: ServiceContext,
  task: Task,
  update: Extract<TaskUpdate, { kind: "exited" }>,
): Task {
  const tail = outputTail(containerOutput(ctx, task.taskId, update.container)?.text ?? "");
  const containers: ContainerState[] = task.containers.map((c) => {
    if (c.name !== update.container) return c;
    const { runtimeId: _gone, ...rest } = c;
    const failed = update.exitCode !== undefined && update.exitCode !== 0 && tail !== "";
    const reason = update.reason ?? (failed ? tail : undefined);
    return {
      ...rest,
      lastStatus: "STOPPED",
      ...(update.exitCode !== undefined ? { exitCode: update.exitCode } : {}),
      ...(reason !== undefined ? { reason } : {}),
      ...(tail !== "" ? { outputTail: tail } : {}),
    };
  });
  const essential = essentialNames(task).has(update.container);
  let next: Task = { ...task, containers };
  if (essential && task.desiredStatus === "RUNNING")
    next = {
      ...next,
      desiredStatus: "STOPPED",
      stoppingAt: ctx.clock(),
      stoppedReason: ESSENTIAL_EXITED,
      stopCode: "EssentialContainerExited",
    };
  if (containers.every((c) => c.lastStatus === "STOPPED")) {
    next = {
      ...next,
      lastStatus: "STOPPED",
      desiredStatus: "STOPPED",
      stoppedAt: ctx.clock(),
      stoppedReason: next.stoppedReason ?? ESSENTIAL_EXITED,
    };
  }
  return next;
}

function essentialNames(task: Task): Set<string> {
  return new Set(task.essentialContainers);
}

/**
 * The last {@link OUTPUT_TAIL_LINES} non-empty lines of a text.
 *
 * @example
 * outputTail("a\nb\n"); // "a\nb"
 */
export function outputTail(text: string): string {
  const lines = text.split(/\r?\n/).filter((line) => line !== "");
  return lines.slice(-OUTPUT_TAIL_LINES).join("\n");
}
