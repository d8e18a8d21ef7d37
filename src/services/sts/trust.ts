/**
 * Whether a caller may assume a role, decided by the policy engine: the
 * role's trust policy is the resource policy, and for an IAM caller its
 * identity policies, permissions boundary and (for a role session) its
 * session policy take part, so the engine's trust rules apply (a trust
 * policy naming only the account needs the caller's identity policy too;
 * service principals are granted only by the trust policy).
 */
import type { Decision } from "../../engines/policy/decision.js";
import { authorize, compilePolicySet } from "../../engines/policy/evaluate.js";
import { parsePolicy } from "../../engines/policy/parse.js";
import type { ContextValue } from "../../engines/policy/request.js";
import type { Role } from "../iam/model.js";
import { principalPolicies } from "../iam/principal-policies.js";
import type { StsContext } from "./context.js";

/** Who asks to assume the role. */
export interface TrustCaller {
  /** A caller ARN (user, role session) or a service principal such as `lambda.amazonaws.com`. */
  readonly principal: string;
  /** The caller's own session policy text, when the caller is a role session with one. */
  readonly sessionPolicy?: string;
}

/**
 * Decides `sts:AssumeRole` on `role` for `caller`.
 *
 * @example
 * decideAssumeRole(ctx, role, { principal: "lambda.amazonaws.com" }).decision; // "Allowed"
 */
export function decideAssumeRole(
  ctx: StsContext,
  role: Role,
  caller: TrustCaller,
  context: Readonly<Record<string, ContextValue>> = {},
): Decision {
  const own = principalPolicies(ctx, caller.principal);
  const session =
    caller.sessionPolicy === undefined ? undefined : parsePolicy(caller.sessionPolicy).policy;
  const set = compilePolicySet({
    resourcePolicy: {
      name: `trust policy of ${role.arn}`,
      document: parsePolicy(role.assumeRolePolicyDocument).policy ?? { statements: [] },
    },
    identityPolicies: own.identityPolicies,
    ...(own.permissionsBoundary ? { permissionsBoundary: own.permissionsBoundary } : {}),
    ...(session ? { sessionPolicy: { name: "session policy", document: session } } : {}),
  });
  const now = ctx.clock();
  return authorize(set, {
    principal: caller.principal,
    action: "sts:AssumeRole",
    resource: role.arn,
    context: {
      "aws:CurrentTime": new Date(now).toISOString(),
      "aws:EpochTime": String(Math.floor(now / 1000)),
      ...context,
    },
  });
}
