/**
 * Reading and stopping tasks: DescribeTasks (by ARN or id, within a
 * cluster; unknown ones are reported as failures `MISSING`, as ECS does),
 * ListTasks (ARNs by cluster, family, desired status, startedBy), and
 * StopTask (desired status STOPPED with the caller's reason; the runner
 * kills the containers' process groups and reports their exits).
 */
import type { ServiceContext } from "../context.js";
import { DEFAULT_CLUSTER, DEFAULT_STOP_REASON } from "./assumptions.js";
import { clusterNotFound, invalidParameter } from "./errors.js";
import { ECS_RECORD, type Task, type TaskDefinition } from "./model.js";

/** An ECS `Failure` entry. */
export interface Failure {
  readonly arn: string;
  readonly reason: string;
}

/**
 * The task a reference (task ARN or id) names in a cluster.
 *
 * @example
 * findTask(ctx, "default", "0123…")?.lastStatus; // "RUNNING"
 */
export function findTask(
  ctx: ServiceContext,
  cluster: string,
  reference: string,
): Task | undefined {
  const id = reference.startsWith("arn:") ? (reference.split("/").at(-1) ?? "") : reference;
  const task = ctx.store.records.get<Task>(ECS_RECORD.task, id);
  if (!task || task.cluster !== cluster) return undefined;
  if (reference.startsWith("arn:") && reference !== task.taskArn) return undefined;
  return task;
}

/**
 * DescribeTasks: the found tasks and a `MISSING` failure for each other reference.
 *
 * @example
 * describeTasks(ctx, "default", [taskArn]).tasks[0]?.lastStatus; // "STOPPED"
 */
export function describeTasks(
  ctx: ServiceContext,
  cluster: string,
  references: readonly string[],
): { tasks: Task[]; failures: Failure[] } {
  requireCluster(cluster);
  if (references.length === 0) throw invalidParameter("Tasks cannot be empty.");
  if (references.length > 100) throw invalidParameter("`tasks` can name at most 100 tasks");
  const tasks: Task[] = [];
  const failures: Failure[] = [];
  for (const reference of references) {
    const task = findTask(ctx, cluster, reference);
    if (task) tasks.push(task);
    else failures.push({ arn: reference, reason: "MISSING" });
  }
  return { tasks, failures };
}

/** ListTasks' filters. */
export interface ListTasksFilter {
  readonly cluster: string;
  readonly family?: string;
  readonly desiredStatus: "RUNNING" | "STOPPED";
  readonly startedBy?: string;
}

/**
 * ListTasks: the ARNs of the cluster's tasks that match, oldest first.
 *
 * @example
 * listTasks(ctx, { cluster: "default", desiredStatus: "RUNNING" }); // ["arn:aws:ecs:…:task/default/…"]
 */
export function listTasks(ctx: ServiceContext, filter: ListTasksFilter): string[] {
  requireCluster(filter.cluster);
  return ctx.store.records
    .list<Task>(ECS_RECORD.task)
    .filter((t) => t.cluster === filter.cluster && t.desiredStatus === filter.desiredStatus)
    .filter((t) => filter.startedBy === undefined || t.startedBy === filter.startedBy)
    .filter((t) => filter.family === undefined || familyOf(ctx, t) === filter.family)
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((t) => t.taskArn);
}

/**
 * StopTask: marks the task to stop and has the runner kill its containers.
 *
 * @example
 * stopTask(ctx, "default", taskArn, "done").desiredStatus; // "STOPPED"
 */
export function stopTask(
  ctx: ServiceContext,
  cluster: string,
  reference: string,
  reason: string | undefined,
): Task {
  requireCluster(cluster);
  const task = findTask(ctx, cluster, reference);
  if (!task) throw invalidParameter("The referenced task was not found.");
  if (task.desiredStatus === "STOPPED") return task;
  const stopping: Task = {
    ...task,
    desiredStatus: "STOPPED",
    stoppingAt: ctx.clock(),
    stoppedReason: reason ?? DEFAULT_STOP_REASON,
    stopCode: "UserInitiated",
  };
  ctx.store.transaction(() => ctx.store.records.put(ECS_RECORD.task, task.taskId, stopping));
  ctx.taskRunner?.stop(task.taskArn);
  return stopping;
}

/**
 * Throws ClusterNotFoundException for any cluster but `default`.
 *
 * @example
 * requireCluster("default"); // ok
 */
export function requireCluster(cluster: string): void {
  if (cluster !== DEFAULT_CLUSTER) throw clusterNotFound();
}

function familyOf(ctx: ServiceContext, task: Task): string | undefined {
  const key = task.taskDefinitionArn.split("/").at(-1) ?? "";
  return ctx.store.records.get<TaskDefinition>(ECS_RECORD.taskDefinition, key)?.family;
}
