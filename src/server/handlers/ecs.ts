/**
 * ECS over JSON 1.1 (`AmazonEC2ContainerServiceV20141113.*`): task
 * definitions (Register, Describe, List, Deregister) and tasks (RunTask,
 * DescribeTasks, ListTasks, StopTask). Each operation reads its input
 * while planning (a bad request is a 400 before anything is authorized),
 * plans its access asks (see `ecs-access.ts`) and runs the service.
 * Refusals are `AccessDeniedException` (HTTP 400), as ECS answers them.
 * DescribeTasks also accepts `include: ["ACCESSLAB_OUTPUT"]`, an accesslab
 * extension that adds each container's captured output (`accesslabOutput`)
 * for `accesslab run-task`; AWS clients never send it and see ECS's shapes.
 */

import type { ServiceContext } from "../../services/context.js";
import { clusterArn, clusterName } from "../../services/ecs/arn.js";
import { accessDenied, invalidParameter } from "../../services/ecs/errors.js";
import {
  type Input,
  optionalString,
  optionalStrings,
  requiredString,
} from "../../services/ecs/input.js";
import type { Task } from "../../services/ecs/model.js";
import { effectiveTaskRole, runnableDefinition, runTask } from "../../services/ecs/run-task.js";
import { readRunTask } from "../../services/ecs/run-task-input.js";
import { taskDefinitionShape, taskShape } from "../../services/ecs/shapes.js";
import { readTaskDefinition } from "../../services/ecs/task-definition-input.js";
import {
  deregisterTaskDefinition,
  describeTaskDefinition,
  findTaskDefinition,
  listTaskDefinitions,
  registerTaskDefinition,
} from "../../services/ecs/task-definitions.js";
import { containerOutput } from "../../services/ecs/task-updates.js";
import { describeTasks, listTasks, stopTask } from "../../services/ecs/tasks.js";
import { passRoleAsks, runTaskResource, taskAsk } from "./ecs-access.js";
import { guarded, type Plan } from "./handler.js";
import { type JsonOperation, type JsonTable, jsonBinding } from "./json-binding.js";

/** The DescribeTasks `include` value that adds captured output (accesslab only). */
export const OUTPUT_INCLUDE = "ACCESSLAB_OUTPUT";

const anywhere = (operation: string) => ({ action: `ecs:${operation}`, resource: "*" });

const register: JsonOperation = (ctx, input): Plan<unknown> => {
  const request = readTaskDefinition(input);
  return {
    access: [
      anywhere("RegisterTaskDefinition"),
      ...passRoleAsks([request.taskRoleArn, request.executionRoleArn]),
    ],
    run: () => ({ taskDefinition: taskDefinitionShape(registerTaskDefinition(ctx, request)) }),
  };
};

const describeDefinition: JsonOperation = (ctx, input) => {
  const reference = requiredString(input, "taskDefinition");
  return guarded(anywhere("DescribeTaskDefinition"), () => ({
    taskDefinition: taskDefinitionShape(describeTaskDefinition(ctx, reference)),
    tags: [],
  }));
};

const listDefinitions: JsonOperation = (ctx, input) => {
  const familyPrefix = optionalString(input, "familyPrefix");
  const status = oneOf(input, "status", ["ACTIVE", "INACTIVE"], "ACTIVE");
  const sort = oneOf(input, "sort", ["ASC", "DESC"], "ASC");
  return guarded(anywhere("ListTaskDefinitions"), () => ({
    taskDefinitionArns: listTaskDefinitions(ctx, {
      ...(familyPrefix !== undefined ? { familyPrefix } : {}),
      status,
      sort,
    }),
  }));
};

const deregister: JsonOperation = (ctx, input) => {
  const reference = requiredString(input, "taskDefinition");
  return guarded(anywhere("DeregisterTaskDefinition"), () => ({
    taskDefinition: taskDefinitionShape(deregisterTaskDefinition(ctx, reference)),
  }));
};

const run: JsonOperation = (ctx, input): Plan<unknown> => {
  const request = readRunTask(input);
  const found = findTaskDefinition(ctx, request.taskDefinition);
  return {
    access: [
      {
        action: "ecs:RunTask",
        resource: runTaskResource(ctx, request.taskDefinition),
        context: { "ecs:cluster": clusterArn(ctx, request.cluster) },
      },
      ...(found ? passRoleAsks([effectiveTaskRole(request, found), found.executionRoleArn]) : []),
    ],
    run: () => {
      runnableDefinition(ctx, request.taskDefinition);
      const result = runTask(ctx, request);
      return { tasks: result.tasks.map(taskShape), failures: result.failures };
    },
  };
};

const describe: JsonOperation = (ctx, input): Plan<unknown> => {
  const cluster = clusterName(optionalString(input, "cluster"));
  const references = optionalStrings(input, "tasks") ?? [];
  const withOutput = (optionalStrings(input, "include") ?? []).includes(OUTPUT_INCLUDE);
  return {
    access: references.map((r) => taskAsk(ctx, "DescribeTasks", cluster, r)),
    run: () => {
      const { tasks, failures } = describeTasks(ctx, cluster, references);
      return {
        tasks: tasks.map((t) => (withOutput ? withCapturedOutput(ctx, t) : taskShape(t))),
        failures,
      };
    },
  };
};

const list: JsonOperation = (ctx, input) => {
  const cluster = clusterName(optionalString(input, "cluster"));
  const family = optionalString(input, "family");
  const startedBy = optionalString(input, "startedBy");
  const desiredStatus = oneOf(input, "desiredStatus", ["RUNNING", "STOPPED"], "RUNNING");
  const ask = {
    ...anywhere("ListTasks"),
    context: { "ecs:cluster": clusterArn(ctx, cluster) },
  };
  return guarded(ask, () => ({
    taskArns: listTasks(ctx, {
      cluster,
      desiredStatus,
      ...(family !== undefined ? { family } : {}),
      ...(startedBy !== undefined ? { startedBy } : {}),
    }),
  }));
};

const stop: JsonOperation = (ctx, input) => {
  const cluster = clusterName(optionalString(input, "cluster"));
  const reference = requiredString(input, "task");
  const reason = optionalString(input, "reason");
  return guarded(taskAsk(ctx, "StopTask", cluster, reference), () => ({
    task: taskShape(stopTask(ctx, cluster, reference, reason)),
  }));
};

function withCapturedOutput(ctx: ServiceContext, task: Task): Record<string, unknown> {
  const shape = taskShape(task);
  const containers = (shape.containers as Record<string, unknown>[]).map((c) => {
    const output = containerOutput(ctx, task.taskId, String(c.name));
    return output ? { ...c, accesslabOutput: output } : c;
  });
  return { ...shape, containers };
}

function oneOf<T extends string>(
  input: Input,
  field: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = optionalString(input, field);
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw invalidParameter(`\`${field}\` \`${value}\` is not one of ${allowed.join(", ")}`);
  return value as T;
}

/**
 * ECS's operations by name.
 *
 * @example
 * ECS_OPERATIONS.RunTask?.(ctx, { taskDefinition: "app" }, call).access[0]?.action; // "ecs:RunTask"
 */
export const ECS_OPERATIONS: JsonTable = {
  RegisterTaskDefinition: register,
  DescribeTaskDefinition: describeDefinition,
  ListTaskDefinitions: listDefinitions,
  DeregisterTaskDefinition: deregister,
  RunTask: run,
  DescribeTasks: describe,
  ListTasks: list,
  StopTask: stop,
};

/**
 * ECS as a binding of the chain.
 *
 * @example
 * SERVICE_BINDINGS.ecs = ECS_BINDING;
 */
export const ECS_BINDING = jsonBinding(ECS_OPERATIONS, accessDenied);
