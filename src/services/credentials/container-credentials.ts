/**
 * Answering `GET /v2/credentials/<id>`: find the registration, check the
 * `Authorization` header when it requires a token (constant time), then
 * have ECS assume the task role (trust must admit
 * `ecs-tasks.amazonaws.com`; session name = task id; 6 hours; the last
 * session reused while it has time left) and return the credentials
 * document. Every refusal is a `CredentialsError`.
 */

import { ECS_VENDED_DURATION_SECONDS } from "./assumptions.js";
import { findContainerRegistration } from "./container-registrations.js";
import type { CredentialsContext } from "./context.js";
import { type ContainerCredentialsDocument, containerDocument } from "./documents.js";
import { badAuthorization, containerTrustRefused, unknownCredentialsId } from "./errors.js";
import { tokensMatch } from "./token-match.js";
import { vendRoleCredentials } from "./vend.js";

/** The service principal ECS assumes task roles as. */
export const ECS_TASKS_PRINCIPAL = "ecs-tasks.amazonaws.com";

/**
 * The credentials document for a container credentials request.
 *
 * @example
 * containerCredentials(ctx, id, token).AccessKeyId; // "ASIA…"
 */
export function containerCredentials(
  ctx: CredentialsContext,
  id: string,
  authorization: string | undefined,
): ContainerCredentialsDocument {
  const registration = findContainerRegistration(ctx, id);
  if (!registration) throw unknownCredentialsId();
  const { authorizationToken } = registration;
  if (authorizationToken !== undefined && !tokensMatch(authorizationToken, authorization))
    throw badAuthorization();
  const result = vendRoleCredentials(ctx, {
    roleArn: registration.roleArn,
    servicePrincipal: ECS_TASKS_PRINCIPAL,
    sessionName: registration.taskId,
    durationSeconds: ECS_VENDED_DURATION_SECONDS,
    reuseKey: `container/${registration.id}`,
  });
  if (!result.granted) throw containerTrustRefused(result.reason);
  return containerDocument(result.credentials);
}
