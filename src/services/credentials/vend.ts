/**
 * Vending role credentials for a workload: the service (ECS for a task, EC2
 * for an instance) assumes the role through STS's service path, so the
 * role's trust policy must admit the service principal, checked on every
 * request. The credentials last the service's own duration (not capped by
 * the role's MaxSessionDuration), and the session last vended under the
 * same key is answered again while more than
 * {@link REUSE_MIN_REMAINING_SECONDS} of it remain.
 */

import { assumeRoleForService } from "../sts/assume-role-for-service.js";
import { REUSE_MIN_REMAINING_SECONDS } from "./assumptions.js";
import { type CredentialsContext, RECORD } from "./context.js";
import type { VendedCredentials } from "./model.js";

/** Who is asking, for which role, under which session name. */
export interface VendRequest {
  readonly roleArn: string;
  /** `ecs-tasks.amazonaws.com` or `ec2.amazonaws.com`. */
  readonly servicePrincipal: string;
  /** The task id or the instance id. */
  readonly sessionName: string;
  /** How long new credentials last. */
  readonly durationSeconds: number;
  /** Where the last vended session is remembered: `container/<id>` or `instance/<id>`. */
  readonly reuseKey: string;
}

/** The credentials, or the trust refusal. */
export type VendResult =
  | { readonly granted: true; readonly credentials: VendedCredentials }
  | { readonly granted: false; readonly reason: string };

/** What is remembered of the last vended session. */
interface LastVended {
  readonly accessKeyId: string;
}

/**
 * Assumes the role for the service (or reuses the last session) and returns its credentials.
 *
 * @example
 * const r = vendRoleCredentials(ctx, { roleArn, servicePrincipal: "ecs-tasks.amazonaws.com",
 *   sessionName: taskId, durationSeconds: 21600, reuseKey: `container/${id}` });
 * if (r.granted) r.credentials.arn; // "arn:aws:sts::000000000000:assumed-role/task/<taskId>"
 */
export function vendRoleCredentials(ctx: CredentialsContext, request: VendRequest): VendResult {
  const { reuseKey, ...ask } = request;
  const last = ctx.store.records.get<LastVended>(RECORD.lastVended, reuseKey);
  const result = assumeRoleForService(ctx, {
    ...ask,
    vendedBy: "service-endpoint",
    ...(last
      ? {
          reuse: {
            accessKeyId: last.accessKeyId,
            minRemainingSeconds: REUSE_MIN_REMAINING_SECONDS,
          },
        }
      : {}),
  });
  if (!result.granted) return { granted: false, reason: result.reason };
  const { credentials, assumedRoleUser, roleArn } = result.session;
  if (last?.accessKeyId !== credentials.accessKeyId) {
    const remembered: LastVended = { accessKeyId: credentials.accessKeyId };
    ctx.store.transaction(() => ctx.store.records.put(RECORD.lastVended, reuseKey, remembered));
  }
  return {
    granted: true,
    credentials: { ...credentials, roleArn, arn: assumedRoleUser.arn },
  };
}
