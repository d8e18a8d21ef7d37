/**
 * ECS container credential registrations: binding a fresh id to a task role
 * (as the ECS agent does when it starts a task with a task role), with a
 * task id, task ARN and cluster, and by default an authorization token for
 * the FULL_URI form. The runtime and the demo stack call these functions;
 * the `accesslab credentials ecs` command does too.
 */
import { type CredentialsContext, RECORD } from "./context.js";
import { invalidInput } from "./errors.js";
import { newAuthorizationToken, newCredentialsId, newTaskId } from "./ids.js";
import type { ContainerRegistration } from "./model.js";
import { requireRole } from "./role-input.js";

/** What a registration needs. */
export interface ContainerRegistrationRequest {
  readonly roleArn: string;
  /** Defaults to a fresh 32-hex-digit id. */
  readonly taskId?: string;
  /** Defaults to `default`, ECS's default cluster. */
  readonly cluster?: string;
  /** Whether an `Authorization` token is required (default true). */
  readonly requireToken?: boolean;
}

const NAME = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Registers a container credentials id for a task role.
 *
 * @example
 * const r = registerContainerCredentials(ctx, { roleArn: "arn:aws:iam::000000000000:role/task" });
 * `/v2/credentials/${r.id}`; // the RELATIVE_URI
 */
export function registerContainerCredentials(
  ctx: CredentialsContext,
  request: ContainerRegistrationRequest,
): ContainerRegistration {
  requireRole(ctx, request.roleArn);
  const taskId = request.taskId ?? newTaskId(ctx.random);
  const cluster = request.cluster ?? "default";
  if (!NAME.test(taskId))
    throw invalidInput(`task id \`${taskId}\`: expected 1..64 characters of [A-Za-z0-9_-]`);
  if (!NAME.test(cluster))
    throw invalidInput(`cluster \`${cluster}\`: expected 1..64 characters of [A-Za-z0-9_-]`);
  const registration: ContainerRegistration = {
    id: newCredentialsId(ctx.random),
    roleArn: request.roleArn,
    taskId,
    taskArn: `arn:aws:ecs:${ctx.region}:${ctx.account}:task/${cluster}/${taskId}`,
    cluster,
    ...(request.requireToken === false
      ? {}
      : { authorizationToken: newAuthorizationToken(ctx.random) }),
    createdAt: ctx.clock(),
  };
  ctx.store.transaction(() =>
    ctx.store.records.put(RECORD.container, registration.id, registration),
  );
  return registration;
}

/**
 * The registration of `id`, if any.
 *
 * @example
 * findContainerRegistration(ctx, "no-such-id"); // undefined
 */
export function findContainerRegistration(
  ctx: CredentialsContext,
  id: string,
): ContainerRegistration | undefined {
  return ctx.store.records.get<ContainerRegistration>(RECORD.container, id);
}

/**
 * Removes a registration (the task stopped); unknown ids are ignored.
 *
 * @example
 * deregisterContainerCredentials(ctx, r.id);
 */
export function deregisterContainerCredentials(ctx: CredentialsContext, id: string): void {
  ctx.store.transaction(() => ctx.store.records.delete(RECORD.container, id));
}
