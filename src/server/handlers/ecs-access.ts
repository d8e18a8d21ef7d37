/**
 * What ECS asks the policy engine: `ecs:<Operation>` on the resource the
 * operation acts on (a task definition revision for RunTask, a task for
 * DescribeTasks and StopTask, `*` for the rest) with the `ecs:cluster`
 * condition key where the operation has a cluster, and `iam:PassRole` on
 * every role the call hands to ECS (the task role and the execution role,
 * for RegisterTaskDefinition and RunTask), with `iam:PassedToService`
 * `ecs-tasks.amazonaws.com`.
 */
import type { ServiceContext } from "../../services/context.js";
import {
  clusterArn,
  parseTaskDefinitionRef,
  taskArn,
  taskDefinitionArn,
} from "../../services/ecs/arn.js";
import { TASK_ROLE_PRINCIPAL } from "../../services/ecs/task-credentials.js";
import { findTaskDefinition } from "../../services/ecs/task-definitions.js";
import type { AccessAsk } from "./handler.js";

/**
 * `iam:PassRole` asks for the roles given (absent ones skipped).
 *
 * @example
 * passRoleAsks(["arn:aws:iam::000000000000:role/task", undefined]).length; // 1
 */
export function passRoleAsks(roles: readonly (string | undefined)[]): AccessAsk[] {
  return [...new Set(roles.filter((r): r is string => r !== undefined))].map((role) => ({
    action: "iam:PassRole",
    resource: role,
    context: { "iam:PassedToService": TASK_ROLE_PRINCIPAL },
  }));
}

/**
 * The ARN RunTask is asked on: the revision it will run, or the reference's ARN form when none matches.
 *
 * @example
 * runTaskResource(ctx, "app"); // "arn:aws:ecs:us-east-1:000000000000:task-definition/app:3"
 */
export function runTaskResource(ctx: ServiceContext, reference: string): string {
  const found = findTaskDefinition(ctx, reference);
  if (found) return found.taskDefinitionArn;
  const ref = parseTaskDefinitionRef(reference);
  return ref.revision === undefined
    ? `${taskDefinitionArn(ctx, ref.family, 0).replace(/:0$/, "")}:*`
    : taskDefinitionArn(ctx, ref.family, ref.revision);
}

/**
 * The ask for an operation on one task of a cluster (by ARN or id).
 *
 * @example
 * taskAsk(ctx, "StopTask", "default", "0123…").resource; // "arn:aws:ecs:…:task/default/0123…"
 */
export function taskAsk(
  ctx: ServiceContext,
  operation: string,
  cluster: string,
  reference: string,
): AccessAsk {
  const resource = reference.startsWith("arn:") ? reference : taskArn(ctx, cluster, reference);
  return {
    action: `ecs:${operation}`,
    resource,
    context: { "ecs:cluster": clusterArn(ctx, cluster) },
  };
}
