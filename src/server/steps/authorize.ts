/**
 * Step 5: may the caller make this call? With IAM enforced, each access ask
 * of the plan is decided by the policy engine over the caller's identity
 * policies, permissions boundary and session policy (`callerPolicies`),
 * plus the resource's own policy and the VPC endpoint's policy when the ask
 * carries them; the account root is allowed in its own account unless an
 * explicit deny (a resource policy's, say) applies. A refusal is the
 * service's own AccessDenied error with AWS's message naming the policy
 * type. Every decision is kept on the exchange for the audit trail.
 */
import type { Decision } from "../../engines/policy/decision.js";
import { compilePolicySet, authorize as decide } from "../../engines/policy/evaluate.js";
import type { ServiceContext } from "../../services/context.js";
import { type CallerPolicies, callerPolicies } from "../../services/sts/caller-policies.js";
import { denialMessage } from "../authorize/denial-message.js";
import type { Caller } from "../caller.js";
import type { AccessAsk } from "../handlers/handler.js";
import type { Step } from "./step.js";

/**
 * Authorizes the call, or throws the service's refusal.
 *
 * @example
 * authorize(exchange, env); // throws for bob's iam:CreateRole without a policy allowing it
 */
export const authorize: Step = (exchange, env) => {
  const { planned, caller, binding } = exchange;
  if (planned === undefined || caller === undefined || binding === undefined) {
    throw new Error("authorize before prepare");
  }
  if (!env.enforceIam || planned.access.length === 0) return;
  const policies = callerPolicies(env.services, caller);
  for (const ask of planned.access) {
    const decision = decideAsk(env.services, caller, policies, ask);
    exchange.decisions.push({ ask, decision });
    if (decision.decision !== "Allowed") {
      throw binding.denied(denialMessage(caller.principalArn, ask.action, ask.resource, decision));
    }
  }
};

/**
 * The engine's decision on one ask.
 *
 * @example
 * decideAsk(ctx, caller, callerPolicies(ctx, caller), { action: "iam:GetRole", resource: "*" }).decision;
 */
export function decideAsk(
  ctx: ServiceContext,
  caller: Caller,
  policies: CallerPolicies,
  ask: AccessAsk,
): Decision {
  const set = compilePolicySet({
    identityPolicies: policies.identityPolicies,
    ...(policies.permissionsBoundary ? { permissionsBoundary: policies.permissionsBoundary } : {}),
    ...(policies.sessionPolicy ? { sessionPolicy: policies.sessionPolicy } : {}),
    ...(ask.resourcePolicy ? { resourcePolicy: ask.resourcePolicy } : {}),
    ...(ask.endpointPolicy ? { endpointPolicy: ask.endpointPolicy } : {}),
  });
  const now = ctx.clock();
  return decide(set, {
    principal: caller.principalArn,
    action: ask.action,
    resource: ask.resource,
    context: {
      "aws:CurrentTime": new Date(now).toISOString(),
      "aws:EpochTime": String(Math.floor(now / 1000)),
      "aws:RequestedRegion": ctx.region,
      ...ask.context,
    },
  });
}
