/**
 * ECS's wire shapes for task definitions and tasks, as JSON 1.1 carries
 * them: camelCase members, timestamps in epoch seconds, absent members
 * left out. A task's `overrides` and each container's `containerArn` are
 * derived from the stored task.
 */
import type { ContainerState, Task, TaskDefinition } from "./model.js";

const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);

/**
 * A task definition as DescribeTaskDefinition and RegisterTaskDefinition return it.
 *
 * @example
 * taskDefinitionShape(definition).revision; // 1
 */
export function taskDefinitionShape(definition: TaskDefinition): Record<string, unknown> {
  const { registeredAt, deregisteredAt, ...rest } = definition;
  return {
    ...rest,
    compatibilities: ["EC2", "FARGATE"],
    registeredAt: seconds(registeredAt),
    ...(deregisteredAt !== undefined ? { deregisteredAt: seconds(deregisteredAt) } : {}),
  };
}

/**
 * A task as RunTask, DescribeTasks and StopTask return it.
 *
 * @example
 * taskShape(task).lastStatus; // "RUNNING"
 */
export function taskShape(task: Task): Record<string, unknown> {
  return {
    taskArn: task.taskArn,
    clusterArn: task.clusterArn,
    taskDefinitionArn: task.taskDefinitionArn,
    launchType: task.launchType,
    lastStatus: task.lastStatus,
    desiredStatus: task.desiredStatus,
    group: task.group,
    version: 1,
    containers: task.containers.map((c) => containerShape(task, c)),
    overrides: {
      containerOverrides: task.containers.map((c) => ({ name: c.name })),
      ...(task.taskRoleArn !== undefined ? { taskRoleArn: task.taskRoleArn } : {}),
    },
    createdAt: seconds(task.createdAt),
    ...optional({
      startedBy: task.startedBy,
      startedAt: seconds(task.startedAt),
      stoppingAt: seconds(task.stoppingAt),
      stoppedAt: seconds(task.stoppedAt),
      stoppedReason: task.stoppedReason,
      stopCode: task.stopCode,
    }),
  };
}

function containerShape(task: Task, c: ContainerState): Record<string, unknown> {
  const arn = task.taskArn.replace(":task/", ":container/");
  return {
    containerArn: `${arn}/${c.name}`,
    taskArn: task.taskArn,
    name: c.name,
    image: c.image,
    lastStatus: c.lastStatus,
    ...optional({ exitCode: c.exitCode, reason: c.reason, runtimeId: c.runtimeId }),
  };
}

function optional(members: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(members).filter(([, v]) => v !== undefined));
}
