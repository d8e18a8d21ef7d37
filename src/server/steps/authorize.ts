/**
 * Step 4: may the caller make this call? With IAM enforced, an IAM call by
 * anyone but the account root is decided by the policy engine over the
 * caller's identity policies, permissions boundary and session policy
 * (`callerPolicies`); a refusal is 403 `AccessDenied` with AWS's message
 * naming the policy type. STS needs nothing here: GetCallerIdentity can
 * never be denied and AssumeRole is decided by the service itself (trust
 * policy plus the caller's policies).
 */
import { compilePolicySet, authorize as decide } from "../../engines/policy/evaluate.js";
import { ProtocolError } from "../../protocol/errors.js";
import { queryParams } from "../../protocol/query.js";
import { callerPolicies } from "../../services/sts/caller-policies.js";
import { denialMessage } from "../authorize/denial-message.js";
import { iamActionRequest } from "../authorize/iam-requests.js";
import type { Step } from "./step.js";

/**
 * Authorizes the call, or throws AccessDenied.
 *
 * @example
 * authorize(exchange, env); // throws for bob's iam:CreateRole without a policy allowing it
 */
export const authorize: Step = (exchange, env) => {
  const { request, route, caller } = exchange;
  if (!env.enforceIam || request === undefined || route === undefined || caller === undefined) {
    return;
  }
  if (route.service !== "iam" || caller.principalArn.endsWith(":root")) return;
  const ctx = env.services;
  const wanted = iamActionRequest(ctx, route.operation ?? "", queryParams(request), caller);
  if (wanted === undefined) return;
  const policies = callerPolicies(ctx, caller);
  const set = compilePolicySet({
    identityPolicies: policies.identityPolicies,
    ...(policies.permissionsBoundary ? { permissionsBoundary: policies.permissionsBoundary } : {}),
    ...(policies.sessionPolicy ? { sessionPolicy: policies.sessionPolicy } : {}),
  });
  const now = ctx.clock();
  const decision = decide(set, {
    principal: caller.principalArn,
    action: wanted.action,
    resource: wanted.resource,
    context: {
      "aws:CurrentTime": new Date(now).toISOString(),
      "aws:EpochTime": String(Math.floor(now / 1000)),
    },
  });
  if (decision.decision === "Allowed") return;
  throw new ProtocolError(
    "AccessDenied",
    403,
    denialMessage(caller.principalArn, wanted.action, wanted.resource, decision),
  );
};
