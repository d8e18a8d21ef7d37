/**
 * The authorizer: IAM's evaluation logic over a compiled policy set.
 * Explicit denies first; then organization policies level by level (SCPs
 * for the caller's account, RCPs for the resource); the VPC endpoint
 * policy; then the same-account union of identity and resource policies (or,
 * across accounts, both sides), with the documented exceptions for role
 * trust and KMS key policies and for how a resource policy names the caller.
 */
import { parseArn } from "./arn.js";
import { RCPS_APPLY_TO_SERVICE_PRINCIPALS, WILDCARD_GRANT_IS_DIRECT } from "./assumptions.js";
import { parseCaller } from "./caller.js";
import type { CompiledPolicy, CompiledPolicySet } from "./compile.js";
import { buildContext } from "./context.js";
import type { Decision, StatementTrace } from "./decision.js";
import { type Grant, grantOrDeny, type KindResult } from "./grant.js";
import { POLICY_KIND_LABEL, type PolicyKind } from "./policy-kind.js";
import type { AuthorizationRequest } from "./request.js";
import { evaluateStatement, type StatementInput } from "./statement-eval.js";

export { type CompiledPolicySet, compilePolicySet } from "./compile.js";

const NONE: KindResult = { allows: [] };

/**
 * Authorizes one request against a compiled policy set.
 *
 * @example
 * authorize(set, { principal: "anonymous", action: "elasticfilesystem:ClientMount", resource: fsArn });
 */
export function authorize(set: CompiledPolicySet, request: AuthorizationRequest): Decision {
  const caller = parseCaller(request.principal);
  const accountPrincipal =
    caller.kind !== "anonymous" && caller.kind !== "service" && caller.kind !== "unknown";
  const principalSide = accountPrincipal && caller.kind !== "root";
  const resourceArn = parseArn(request.resource);
  const input: StatementInput = {
    caller,
    action: request.action,
    resource: request.resource,
    resourceArn,
    context: buildContext(request.context, caller),
    hasBoundary: set.boundary !== undefined && accountPrincipal,
  };
  const trace: StatementTrace[] = [];
  const rcpApplies = caller.kind !== "service" || RCPS_APPLY_TO_SERVICE_PRINCIPALS;
  const scp =
    accountPrincipal && set.scp ? set.scp.map((level) => run(level, input, false, trace)) : [];
  const rcp = rcpApplies && set.rcp ? set.rcp.map((level) => run(level, input, true, trace)) : [];
  const endpoint = set.endpoint ? run([set.endpoint], input, true, trace) : undefined;
  const boundary =
    principalSide && set.boundary ? run([set.boundary], input, false, trace) : undefined;
  const session =
    principalSide && set.session ? run([set.session], input, false, trace) : undefined;
  const identity = principalSide ? run(set.identity, input, false, trace) : NONE;
  const resource = set.resource ? run([set.resource], input, true, trace) : undefined;

  const denies: StatementTrace[] = [];
  for (const t of trace) if (t.applies && t.effect === "Deny") denies.push(t);
  if (denies.length > 0) {
    const kinds = [...new Set(denies.map((d) => `the ${POLICY_KIND_LABEL[d.policy.kind]}`))].join(
      ", ",
    );
    return {
      decision: "ExplicitlyDenied",
      reasons: [`explicitly denied by ${kinds}`],
      deciding: denies,
      trace,
    };
  }
  for (const [levels, kind] of [
    [scp, "scp"],
    [rcp, "rcp"],
  ] as const) {
    const missing = levels.findIndex((level) => level.allows.length === 0);
    if (missing >= 0) {
      return implicit(
        trace,
        kind,
        `no ${POLICY_KIND_LABEL[kind]} at organization level ${missing} allows \`${request.action}\``,
      );
    }
  }
  if (endpoint && endpoint.allows.length === 0) {
    return implicit(
      trace,
      "endpoint",
      `the ${POLICY_KIND_LABEL.endpoint} does not allow \`${request.action}\``,
    );
  }
  const outcome = grantOrDeny({
    caller,
    request,
    resourceArn,
    resource,
    identity,
    boundary,
    session,
    wildcardIsDirect: WILDCARD_GRANT_IS_DIRECT,
  });
  if (outcome.kind === "denied") return implicit(trace, outcome.deniedBy, outcome.reason);
  return allowed(trace, outcome, [...scp, ...rcp, ...(endpoint ? [endpoint] : [])]);
}

function run(
  policies: readonly CompiledPolicy[],
  input: StatementInput,
  usesPrincipal: boolean,
  trace: StatementTrace[],
): KindResult {
  const allows: StatementTrace[] = [];
  for (const policy of policies) {
    for (const statement of policy.statements) {
      const verdict = evaluateStatement(statement, input, usesPrincipal);
      trace.push(verdict);
      if (verdict.applies && statement.effect === "Allow") allows.push(verdict);
    }
  }
  return { allows };
}

function implicit(trace: StatementTrace[], kind: PolicyKind, reason: string): Decision {
  return { decision: "ImplicitlyDenied", reasons: [reason], deciding: [], trace, deniedBy: kind };
}

function allowed(
  trace: StatementTrace[],
  grant: Grant,
  guardrails: readonly KindResult[],
): Decision {
  const deciding = [...grant.statements];
  for (const g of guardrails) deciding.push(...g.allows);
  return { decision: "Allowed", reasons: [grant.reason], deciding, trace };
}
