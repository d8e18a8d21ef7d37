/**
 * AssumeRole: checks the parameters, refuses the account root user, lets
 * the policy engine decide the trust (a missing role is refused exactly
 * like an untrusting one), applies the duration rules, and issues session
 * credentials that keep the session policy text.
 */
import { parseCaller } from "../../engines/policy/caller.js";
import type { StsContext } from "./context.js";
import { assumeRoleDenied, rootCannotAssumeRole } from "./errors.js";
import { roleByArn } from "./find-role.js";
import { issueSession } from "./issue-session.js";
import type { AssumeRoleResult } from "./model.js";
import { checkSessionName, checkSessionPolicy, sessionDuration } from "./session-input.js";
import { decideAssumeRole } from "./trust.js";

/** The authenticated caller, as `resolveAccessKey` describes it. */
export interface StsCaller {
  readonly principalArn: string;
  readonly sessionPolicy?: string;
}

/** AssumeRole input. */
export interface AssumeRoleInput {
  readonly roleArn: string;
  readonly roleSessionName: string;
  readonly durationSeconds?: number;
  /** Session policy JSON text. */
  readonly policy?: string;
  readonly externalId?: string;
}

/**
 * AssumeRole for an authenticated caller.
 *
 * @example
 * const { credentials } = assumeRole(ctx, { principalArn: aliceArn }, { roleArn, roleSessionName: "s1" });
 * credentials.accessKeyId; // "ASIA…"
 */
export function assumeRole(
  ctx: StsContext,
  caller: StsCaller,
  input: AssumeRoleInput,
): AssumeRoleResult {
  checkSessionName(input.roleSessionName);
  if (input.policy !== undefined) checkSessionPolicy(input.policy);
  const who = parseCaller(caller.principalArn);
  if (who.kind === "root") throw rootCannotAssumeRole();
  const role = roleByArn(ctx, input.roleArn);
  if (!role) throw assumeRoleDenied(caller.principalArn, input.roleArn);
  const decision = decideAssumeRole(
    ctx,
    role,
    {
      principal: caller.principalArn,
      ...(caller.sessionPolicy !== undefined ? { sessionPolicy: caller.sessionPolicy } : {}),
    },
    {
      "sts:RoleSessionName": input.roleSessionName,
      ...(input.externalId !== undefined ? { "sts:ExternalId": input.externalId } : {}),
    },
  );
  if (decision.decision !== "Allowed") throw assumeRoleDenied(caller.principalArn, role.arn);
  const chained = who.kind === "role-session";
  const durationSeconds = sessionDuration(input.durationSeconds, role.maxSessionDuration, chained);
  const session = issueSession(ctx, {
    role,
    sessionName: input.roleSessionName,
    durationSeconds,
    sourcePrincipal: caller.principalArn,
    ...(input.policy !== undefined ? { sessionPolicy: input.policy } : {}),
  });
  return {
    credentials: session.credentials,
    assumedRoleUser: session.assumedRoleUser,
    packedPolicySize: 0,
  };
}
