/**
 * IAM's policy simulator (SimulateCustomPolicy, SimulatePrincipalPolicy)
 * backed by the policy engine: every action is evaluated against every
 * resource (or `*`) over the given identity policies, permissions boundary
 * and resource policy, with the request's context entries. Each result
 * names its decision (`allowed`, `explicitDeny`, `implicitDeny`), the
 * statements that decided it with their policy and position, the context
 * keys its conditions needed but did not get, whether the boundary alone
 * allows it, and (with a resource policy) each side's own decision.
 */
import { compilePolicySet, authorize as decide } from "../../engines/policy/evaluate.js";
import type { NamedPolicy } from "../../engines/policy/policy-set.js";
import type { IamContext } from "./context.js";
import { IamError, validationError } from "./errors.js";
import { type Page, paginate } from "./pagination.js";
import {
  DECISION_DETAIL_KEYS,
  defaultSimulationCaller,
  INPUT_POLICY_TYPE,
  MAX_BOUNDARY_POLICIES,
  ONE_RESULT_PER_RESOURCE,
  RESOURCE_POLICY_SOURCE,
} from "./simulate-assumptions.js";
import { type ContextEntryInput, simulationContext } from "./simulate-context.js";
import {
  type EvaluationResult,
  evalDecision,
  type Policies,
  type ResourceResult,
  resourceResult,
} from "./simulate-results.js";
import { inputPolicies, type PolicySource, principalSources } from "./simulate-sources.js";

export type {
  EvalDecision,
  EvaluationResult,
  MatchedStatement,
  ResourceResult,
} from "./simulate-results.js";

/** What both simulate operations take. */
export interface SimulationInput {
  readonly policyInputList?: readonly string[];
  readonly permissionsBoundaryPolicyInputList?: readonly string[];
  readonly actionNames: readonly string[];
  readonly resourceArns?: readonly string[];
  readonly resourcePolicy?: string;
  readonly resourceOwner?: string;
  readonly callerArn?: string;
  readonly contextEntries?: readonly ContextEntryInput[];
  readonly marker?: string;
  readonly maxItems?: number;
}

/**
 * SimulateCustomPolicy: the given policies only, as `CallerArn` (or a
 * simulated user of the account).
 *
 * @example
 * simulateCustomPolicy(ctx, { policyInputList: [allowGet], actionNames: ["s3:GetObject"] }).items[0]?.decision;
 * // "allowed"
 */
export function simulateCustomPolicy(
  ctx: IamContext,
  input: SimulationInput,
): Page<EvaluationResult> {
  if ((input.policyInputList ?? []).length === 0) throw missing("policyInputList");
  const policies = requestPolicies(input, []);
  return simulate(policies, input, input.callerArn ?? defaultSimulationCaller(ctx.account));
}

/**
 * SimulatePrincipalPolicy: the stored policies of a user or role, plus any
 * given in the request (a given boundary replaces the stored one).
 *
 * @example
 * simulatePrincipalPolicy(ctx, { policySourceArn: roleArn, actionNames: ["iam:GetRole"] }).items[0]?.decision;
 */
export function simulatePrincipalPolicy(
  ctx: IamContext,
  input: SimulationInput & { readonly policySourceArn: string },
): Page<EvaluationResult> {
  const stored = principalSources(ctx, input.policySourceArn);
  const policies = requestPolicies(input, stored.identity);
  const boundary = policies.boundary ?? stored.boundary;
  return simulate(
    boundary ? { ...policies, boundary } : policies,
    input,
    input.callerArn ?? input.policySourceArn,
  );
}

function requestPolicies(input: SimulationInput, stored: readonly PolicySource[]): Policies {
  if (input.actionNames.length === 0) throw missing("actionNames");
  const identity = [
    ...stored,
    ...inputPolicies(input.policyInputList ?? [], "PolicyInputList", "identity", INPUT_POLICY_TYPE),
  ];
  const boundaries = inputPolicies(
    input.permissionsBoundaryPolicyInputList ?? [],
    "PermissionsBoundaryPolicyInputList",
    "boundary",
    INPUT_POLICY_TYPE,
  );
  if (boundaries.length > MAX_BOUNDARY_POLICIES) {
    throw new IamError(
      "InvalidInput",
      400,
      `at most ${MAX_BOUNDARY_POLICIES} permissions boundary policy can be simulated`,
    );
  }
  const [boundary] = boundaries;
  const [resource] =
    input.resourcePolicy === undefined
      ? []
      : inputPolicies(
          [input.resourcePolicy],
          "ResourcePolicy",
          "resource",
          RESOURCE_POLICY_SOURCE.type,
        ).map((p) => ({ ...p, id: RESOURCE_POLICY_SOURCE.id }));
  return { identity, ...(boundary ? { boundary } : {}), ...(resource ? { resource } : {}) };
}

function simulate(
  policies: Policies,
  input: SimulationInput,
  caller: string,
): Page<EvaluationResult> {
  const named = (p: PolicySource): NamedPolicy => ({ name: p.id, document: p.document });
  const identity = policies.identity.map(named);
  const boundary = policies.boundary ? named(policies.boundary) : null;
  const full = compilePolicySet({
    identityPolicies: identity,
    permissionsBoundary: boundary,
    resourcePolicy: policies.resource ? named(policies.resource) : null,
  });
  const sides = policies.resource
    ? {
        identity: compilePolicySet({ identityPolicies: identity, permissionsBoundary: boundary }),
        resource: compilePolicySet({ resourcePolicy: named(policies.resource) }),
      }
    : undefined;
  const context = simulationContext(input.contextEntries ?? []);
  const resourceAccount = ownerAccount(input.resourceOwner);
  const resources = input.resourceArns?.length ? input.resourceArns : undefined;
  const results: EvaluationResult[] = [];
  for (const action of input.actionNames) {
    const one = (resource: string): ResourceResult => {
      const request = {
        principal: caller,
        action,
        resource,
        context,
        ...(resourceAccount ? { resourceAccount } : {}),
      };
      const details = sides && {
        [DECISION_DETAIL_KEYS.identity]: evalDecision(decide(sides.identity, request)),
        [DECISION_DETAIL_KEYS.resource]: evalDecision(decide(sides.resource, request)),
      };
      return resourceResult(resource, decide(full, request), policies, details);
    };
    if (resources === undefined) {
      results.push({ evalActionName: action, ...one("*") });
    } else if (ONE_RESULT_PER_RESOURCE) {
      for (const arn of resources) {
        const result = one(arn);
        results.push({ evalActionName: action, ...result, resourceSpecificResults: [result] });
      }
    } else {
      results.push({ evalActionName: action, ...groupedResult(resources.map(one)) });
    }
  }
  const keyed = results.map((result, i) => ({ result, key: String(i).padStart(8, "0") }));
  const page = paginate(keyed, (k) => k.key, {
    ...(input.marker !== undefined ? { marker: input.marker } : {}),
    ...(input.maxItems !== undefined ? { maxItems: input.maxItems } : {}),
  });
  return { ...page, items: page.items.map((k) => k.result) };
}

/** One result standing for several resources: the strictest decision, every statement. */
function groupedResult(
  each: ResourceResult[],
): ResourceResult & { resourceSpecificResults: ResourceResult[] } {
  const decisions = each.map((r) => r.decision);
  const decision = decisions.includes("explicitDeny")
    ? "explicitDeny"
    : decisions.every((d) => d === "allowed")
      ? "allowed"
      : "implicitDeny";
  return {
    evalResourceName: "*",
    decision,
    matchedStatements: each.flatMap((r) => r.matchedStatements),
    missingContextValues: [...new Set(each.flatMap((r) => r.missingContextValues))],
    resourceSpecificResults: each,
  };
}

function ownerAccount(owner: string | undefined): string | undefined {
  if (owner === undefined) return undefined;
  const account = /^(?:arn:aws:iam::)?(\d{12})(?::root)?$/.exec(owner)?.[1];
  if (account === undefined) {
    throw new IamError(
      "InvalidInput",
      400,
      `Invalid ResourceOwner \`${owner}\`: expected an account ARN.`,
    );
  }
  return account;
}

function missing(member: string): IamError {
  return validationError(
    `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
  );
}
