/**
 * Vending role credentials for a workload: the service (ECS for a task, EC2
 * for an instance) assumes the role through STS's service path, so the
 * role's trust policy must admit the service principal. Credentials last
 * {@link VENDED_DURATION_SECONDS}, capped at the role's MaxSessionDuration.
 */

import { assumeRoleForService } from "../sts/assume-role-for-service.js";
import { roleByArn } from "../sts/find-role.js";
import { VENDED_DURATION_SECONDS } from "./assumptions.js";
import type { CredentialsContext } from "./context.js";
import type { VendedCredentials } from "./model.js";

/** Who is asking, for which role, under which session name. */
export interface VendRequest {
  readonly roleArn: string;
  /** `ecs-tasks.amazonaws.com` or `ec2.amazonaws.com`. */
  readonly servicePrincipal: string;
  /** The task id or the instance id. */
  readonly sessionName: string;
}

/** The credentials, or the trust refusal. */
export type VendResult =
  | { readonly granted: true; readonly credentials: VendedCredentials }
  | { readonly granted: false; readonly reason: string };

/**
 * Assumes the role for the service and returns its session credentials.
 *
 * @example
 * const r = vendRoleCredentials(ctx, { roleArn, servicePrincipal: "ecs-tasks.amazonaws.com", sessionName: taskId });
 * if (r.granted) r.credentials.arn; // "arn:aws:sts::000000000000:assumed-role/task/<taskId>"
 */
export function vendRoleCredentials(ctx: CredentialsContext, request: VendRequest): VendResult {
  const role = roleByArn(ctx, request.roleArn);
  const durationSeconds = Math.min(
    VENDED_DURATION_SECONDS,
    role?.maxSessionDuration ?? VENDED_DURATION_SECONDS,
  );
  const result = assumeRoleForService(ctx, { ...request, durationSeconds });
  if (!result.granted) return { granted: false, reason: result.reason };
  const { credentials, assumedRoleUser, roleArn } = result.session;
  return {
    granted: true,
    credentials: { ...credentials, roleArn, arn: assumedRoleUser.arn },
  };
}
