/**
 * ECS's RunTask: the cluster must exist (only `default` does), the task
 * definition must be found and ACTIVE, overrides must name its containers,
 * and an `awsvpc` task definition needs a network configuration whose
 * subnets (and security groups) exist in EC2.
 * Each task (up to `count`) is recorded PROVISIONING; with a task role, its
 * container credentials are registered and the role assumed once (a
 * refusal stops the task with ECS's reason, `TaskFailedToStart`); then the
 * containers are handed to the task runner, which reports back through
 * {@link recordTaskUpdate}.
 */

import type { ServiceContext } from "../context.js";
import { newTaskId } from "../credentials/ids.js";
import { EC2_RECORD } from "../ec2/model.js";
import { clusterArn, taskArn } from "./arn.js";
import { DEFAULT_CLUSTER, FAILED_TO_START } from "./assumptions.js";
import { clientException, clusterNotFound, invalidParameter, serverException } from "./errors.js";
import { ECS_RECORD, type Task, type TaskDefinition } from "./model.js";
import type { RunTaskRequest } from "./run-task-input.js";
import { taskCredentials } from "./task-credentials.js";
import { findTaskDefinition } from "./task-definitions.js";
import type { ContainerLaunch, TaskCredentials } from "./task-port.js";
import { recordTaskUpdate } from "./task-updates.js";

/**
 * The task definition RunTask would run, checked (ClientException when missing or inactive).
 *
 * @example
 * runnableDefinition(ctx, "app").revision; // 3
 */
export function runnableDefinition(ctx: ServiceContext, reference: string): TaskDefinition {
  const definition = findTaskDefinition(ctx, reference);
  if (!definition) throw clientException("TaskDefinition not found.");
  if (definition.status !== "ACTIVE") throw clientException("TaskDefinition is inactive");
  return definition;
}

/**
 * The task role a RunTask call gives its tasks (the override's, else the definition's).
 *
 * @example
 * effectiveTaskRole(request, definition); // "arn:aws:iam::000000000000:role/app-task"
 */
export function effectiveTaskRole(
  request: RunTaskRequest,
  definition: TaskDefinition,
): string | undefined {
  return request.taskRoleArn ?? definition.taskRoleArn;
}

/**
 * Runs RunTask and returns the tasks as they were launched.
 *
 * @example
 * const { tasks } = runTask(ctx, readRunTask({ taskDefinition: "app" }));
 * tasks[0]?.lastStatus; // "PROVISIONING"
 */
export function runTask(
  ctx: ServiceContext,
  request: RunTaskRequest,
): { tasks: Task[]; failures: never[] } {
  if (request.cluster !== DEFAULT_CLUSTER) throw clusterNotFound();
  const definition = runnableDefinition(ctx, request.taskDefinition);
  const names = new Set(definition.containerDefinitions.map((c) => c.name));
  for (const o of request.containerOverrides)
    if (!names.has(o.name))
      throw invalidParameter(
        `Override for container named ${o.name} is not a container in the TaskDefinition.`,
      );
  checkNetwork(ctx, request, definition);
  const runner = ctx.taskRunner;
  if (runner === undefined)
    throw serverException("accesslab cannot run containers here: no task runner is configured");
  const tasks: Task[] = [];
  for (let i = 0; i < request.count; i++) tasks.push(launchOne(ctx, request, definition));
  return { tasks, failures: [] };
}

function launchOne(ctx: ServiceContext, request: RunTaskRequest, definition: TaskDefinition): Task {
  const taskId = newTaskId(ctx.random);
  const roleArn = effectiveTaskRole(request, definition);
  const task: Task = {
    taskArn: taskArn(ctx, request.cluster, taskId),
    taskId,
    cluster: request.cluster,
    clusterArn: clusterArn(ctx, request.cluster),
    taskDefinitionArn: definition.taskDefinitionArn,
    launchType: request.launchType,
    lastStatus: "PROVISIONING",
    desiredStatus: "RUNNING",
    containers: definition.containerDefinitions.map((c) => ({
      name: c.name,
      image: c.image,
      lastStatus: "PENDING",
    })),
    essentialContainers: definition.containerDefinitions
      .filter((c) => c.essential)
      .map((c) => c.name),
    group: request.group ?? `family:${definition.family}`,
    createdAt: ctx.clock(),
    ...(roleArn !== undefined ? { taskRoleArn: roleArn } : {}),
    ...(request.startedBy !== undefined ? { startedBy: request.startedBy } : {}),
  };
  ctx.store.transaction(() => ctx.store.records.put(ECS_RECORD.task, taskId, task));
  let credentials: TaskCredentials | undefined;
  if (roleArn !== undefined) {
    const result = taskCredentials(ctx, roleArn, taskId, request.cluster);
    if (!result.granted) {
      failToStart(ctx, task, result.reason);
      return task;
    }
    credentials = result.credentials;
    const withId: Task = { ...task, credentialsId: credentials.id };
    ctx.store.transaction(() => ctx.store.records.put(ECS_RECORD.task, taskId, withId));
  }
  ctx.taskRunner?.start({
    task,
    definition,
    containers: definition.containerDefinitions.map((c) => containerLaunch(request, c)),
    region: ctx.region,
    ...(credentials ? { credentials } : {}),
    report: (update) => recordTaskUpdate(ctx, taskId, update),
  });
  return task;
}

function containerLaunch(
  request: RunTaskRequest,
  definition: TaskDefinition["containerDefinitions"][number],
): ContainerLaunch {
  const override = request.containerOverrides.find((o) => o.name === definition.name);
  const environment: Record<string, string> = {};
  for (const pair of [...(definition.environment ?? []), ...(override?.environment ?? [])])
    environment[pair.name] = pair.value;
  const command = override?.command ?? definition.command;
  return { definition, environment, ...(command ? { command } : {}) };
}

function failToStart(ctx: ServiceContext, task: Task, reason: string): void {
  const now = ctx.clock();
  const stopped: Task = {
    ...task,
    lastStatus: "STOPPED",
    desiredStatus: "STOPPED",
    containers: task.containers.map((c) => ({ ...c, lastStatus: "STOPPED" })),
    stoppingAt: now,
    stoppedAt: now,
    stoppedReason: reason,
    stopCode: FAILED_TO_START,
  };
  ctx.store.transaction(() => ctx.store.records.put(ECS_RECORD.task, task.taskId, stopped));
}

function checkNetwork(
  ctx: ServiceContext,
  request: RunTaskRequest,
  definition: TaskDefinition,
): void {
  if (definition.networkMode === "awsvpc" && request.subnets === undefined)
    throw invalidParameter(
      "Network Configuration must be provided when networkMode 'awsvpc' is specified.",
    );
  for (const subnet of request.subnets ?? [])
    if (ctx.store.records.get(EC2_RECORD.subnet, subnet) === undefined)
      throw invalidParameter(
        `Error retrieving subnet information for [${subnet}]: The subnet ID '${subnet}' does not exist`,
      );
  for (const group of request.securityGroups ?? [])
    if (ctx.store.records.get(EC2_RECORD.securityGroup, group) === undefined)
      throw invalidParameter(
        `Error retrieving security group information for [${group}]: The security group '${group}' does not exist`,
      );
}
