/**
 * The task role's credentials at launch, as the ECS agent arranges them:
 * a container credentials id is registered for the task role (with an
 * authorization token for the FULL_URI form) and ECS assumes the role
 * once, so a role that does not exist or does not trust
 * `ecs-tasks.amazonaws.com` stops the task before any container starts,
 * with ECS's reason. The session vended here is the one the endpoint
 * answers with afterwards.
 */

import type { ServiceContext } from "../context.js";
import { containerCredentials, ECS_TASKS_PRINCIPAL } from "../credentials/container-credentials.js";
import {
  deregisterContainerCredentials,
  registerContainerCredentials,
} from "../credentials/container-registrations.js";
import { CredentialsError } from "../credentials/errors.js";
import { unableToAssumeRole } from "./assumptions.js";
import type { TaskCredentials } from "./task-port.js";

/** The registration, or why ECS could not assume the role. */
export type TaskCredentialsResult =
  | { readonly granted: true; readonly credentials: TaskCredentials }
  | { readonly granted: false; readonly reason: string };

/**
 * Registers and checks the task role's credentials for a task.
 *
 * @example
 * const r = taskCredentials(ctx, roleArn, taskId, "default");
 * if (!r.granted) r.reason; // "ECS was unable to assume the role '…' …"
 */
export function taskCredentials(
  ctx: ServiceContext,
  roleArn: string,
  taskId: string,
  cluster: string,
): TaskCredentialsResult {
  const refused = { granted: false, reason: unableToAssumeRole(roleArn) } as const;
  let id: string | undefined;
  try {
    const registration = registerContainerCredentials(ctx, { roleArn, taskId, cluster });
    id = registration.id;
    containerCredentials(ctx, id, registration.authorizationToken);
    return {
      granted: true,
      credentials: {
        id,
        ...(registration.authorizationToken !== undefined
          ? { authorizationToken: registration.authorizationToken }
          : {}),
      },
    };
  } catch (error) {
    if (!(error instanceof CredentialsError)) throw error;
    if (id !== undefined) deregisterContainerCredentials(ctx, id);
    return refused;
  }
}

/** The principal task roles must trust, re-exported for the ECS service's readers. */
export const TASK_ROLE_PRINCIPAL = ECS_TASKS_PRINCIPAL;
