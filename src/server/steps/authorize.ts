/**
 * Step 5: may the caller make this call? With IAM enforced, each access ask
 * of the plan is decided by the policy engine over the caller's identity
 * policies, permissions boundary and session policy (`callerPolicies`),
 * plus the resource's own policy and the VPC endpoint's policy when the ask
 * carries them (a call through a VPC endpoint adds the endpoint's policy
 * and `aws:SourceVpce`/`aws:SourceVpc`, see `network-origin.ts`); the
 * account root is allowed in its own account unless an explicit deny (a
 * resource policy's, say) applies. A refusal is the service's own
 * AccessDenied error with AWS's message naming the policy type. Every
 * decision is kept on the exchange for the audit trail.
 */
import type { Decision } from "../../engines/policy/decision.js";
import { denialMessage } from "../../engines/policy/denial-message.js";
import { compilePolicySet, authorize as decide } from "../../engines/policy/evaluate.js";
import type { ServiceContext } from "../../services/context.js";
import { type CallerPolicies, callerPolicies } from "../../services/sts/caller-policies.js";
import type { Caller } from "../caller.js";
import type { AccessAsk } from "../handlers/handler.js";
import { throughEndpoint } from "../network-origin.js";
import type { Step } from "./step.js";

/**
 * AWS's API endpoints only speak HTTPS, so every API call carries
 * `aws:SecureTransport` true; accesslab's plain-HTTP loopback stands in for it.
 */
const API_CALLS_ARE_SECURE_TRANSPORT = "true";

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
  for (const plannedAsk of planned.access) {
    const ask = throughEndpoint(plannedAsk, exchange.network);
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
      "aws:SecureTransport": API_CALLS_ARE_SECURE_TRANSPORT,
      ...ask.context,
    },
  });
}
