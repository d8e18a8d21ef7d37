/**
 * A service assuming a role on a workload's behalf (Lambda for a
 * function's execution role, ECS for a task role, EC2 for an instance
 * profile): the trust policy alone must allow the service principal. On
 * refusal the reason is the one the service gives; for Lambda that is
 * CreateFunction's "The role defined for the function cannot be assumed by
 * Lambda." (aws-facts G1). Credentials a service endpoint vends to a
 * workload (ECS task roles, EC2 instance profiles) are not bound by the
 * role's MaxSessionDuration, which limits AssumeRole API callers; such a
 * caller says `vendedBy: "service-endpoint"` and may ask to reuse its last
 * session while enough of it remains, as AWS's agents refresh before expiry.
 */
import type { Decision } from "../../engines/policy/decision.js";
import type { StsContext } from "./context.js";
import { RECORD } from "./context.js";
import { roleByArn } from "./find-role.js";
import { issueSession } from "./issue-session.js";
import type { Session } from "./model.js";
import { checkSessionName, MAX_DURATION_SECONDS, sessionDuration } from "./session-input.js";
import { decideAssumeRole } from "./trust.js";

/** Lambda's refusal when a function's role does not trust `lambda.amazonaws.com`. */
export const LAMBDA_CANNOT_ASSUME_ROLE =
  "The role defined for the function cannot be assumed by Lambda.";

/** A service's request for role credentials. */
export interface ServiceAssumeRequest {
  readonly roleArn: string;
  /** e.g. `lambda.amazonaws.com`, `ecs-tasks.amazonaws.com`, `ec2.amazonaws.com`. */
  readonly servicePrincipal: string;
  /** Lambda uses the function name, ECS the task id, EC2 the instance id. */
  readonly sessionName: string;
  readonly durationSeconds?: number;
  /**
   * `service-endpoint` for credentials a service vends to a workload (ECS
   * task role, EC2 instance profile): the role's MaxSessionDuration does not
   * cap them. Absent for a service acting on its own (Lambda).
   */
  readonly vendedBy?: "service-endpoint";
  /** A previous session (by access key id) to return again while it has more than `minRemainingSeconds` left. */
  readonly reuse?: { readonly accessKeyId: string; readonly minRemainingSeconds: number };
}

/** The credentials, or why the service could not obtain them. */
export type ServiceAssumeResult =
  | { readonly granted: true; readonly session: Session }
  | { readonly granted: false; readonly reason: string; readonly decision?: Decision };

/**
 * Assumes a role for a service principal.
 *
 * @example
 * const r = assumeRoleForService(ctx, { roleArn, servicePrincipal: "lambda.amazonaws.com", sessionName: "my-fn" });
 * if (!r.granted) console.log(r.reason); // "The role defined for the function cannot be assumed by Lambda."
 */
export function assumeRoleForService(
  ctx: StsContext,
  request: ServiceAssumeRequest,
): ServiceAssumeResult {
  const refusal = refusalText(request);
  checkSessionName(request.sessionName);
  const role = roleByArn(ctx, request.roleArn);
  if (!role) return { granted: false, reason: refusal };
  const decision = decideAssumeRole(ctx, role, { principal: request.servicePrincipal });
  if (decision.decision !== "Allowed") return { granted: false, reason: refusal, decision };
  const previous = reusable(ctx, request);
  if (previous) return { granted: true, session: previous };
  const cap =
    request.vendedBy === "service-endpoint" ? MAX_DURATION_SECONDS : role.maxSessionDuration;
  const durationSeconds = sessionDuration(request.durationSeconds, cap, false);
  const session = issueSession(ctx, {
    role,
    sessionName: request.sessionName,
    durationSeconds,
    sourcePrincipal: request.servicePrincipal,
  });
  return { granted: true, session };
}

/** The session to reuse: same role, session name and service, with enough time left. */
function reusable(ctx: StsContext, request: ServiceAssumeRequest): Session | undefined {
  if (!request.reuse) return undefined;
  const session = ctx.store.records.get<Session>(RECORD.session, request.reuse.accessKeyId);
  if (
    !session ||
    session.roleArn !== request.roleArn ||
    session.sessionName !== request.sessionName ||
    session.sourcePrincipal !== request.servicePrincipal
  )
    return undefined;
  const left = session.credentials.expiration - ctx.clock();
  return left > request.reuse.minRemainingSeconds * 1000 ? session : undefined;
}

function refusalText(request: ServiceAssumeRequest): string {
  if (request.servicePrincipal === "lambda.amazonaws.com") return LAMBDA_CANNOT_ASSUME_ROLE;
  return `role \`${request.roleArn}\` cannot be assumed by \`${request.servicePrincipal}\`: its trust policy does not allow \`sts:AssumeRole\` for the service`;
}
