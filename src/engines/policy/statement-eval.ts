/**
 * Decides whether one compiled statement applies to a request, and if not,
 * which element stopped it: Principal, Action, Resource or a condition
 * (with the key and the request's values). Runs once per statement per
 * request, so it allocates one trace object and builds messages from text
 * prepared at compile time.
 */
import { type Arn, compileArnPieces } from "./arn.js";
import type { Caller } from "./caller.js";
import type { CompiledStatement, ResourceMatcher } from "./compile.js";
import { evaluateCondition } from "./conditions/condition.js";
import type { RequestContext } from "./context.js";
import type { HeldCondition, Mismatch, StatementTrace } from "./decision.js";
import { matchPrincipal, notPrincipalExcludes, type PrincipalMatch } from "./principal-match.js";
import { describeRequestValues } from "./show-list.js";
import { resolveTemplate } from "./variables.js";

/** Everything a statement is evaluated against. */
export interface StatementInput {
  readonly caller: Caller;
  readonly action: string;
  readonly resource: string;
  /** The resource split into ARN parts once per request (undefined when not an ARN). */
  readonly resourceArn: Arn | undefined;
  readonly context: RequestContext;
  /** Whether the caller has a permissions boundary (NotPrincipal with Deny then always applies). */
  readonly hasBoundary: boolean;
}

/**
 * Evaluates one statement. `usesPrincipal` says whether Principal and
 * NotPrincipal take part (resource, trust, endpoint and RCP policies).
 */
export function evaluateStatement(
  s: CompiledStatement,
  input: StatementInput,
  usesPrincipal: boolean,
): StatementTrace {
  if (s.error !== undefined) return verdict(s, undefined, undefined, undefined, s.error);
  let match: PrincipalMatch | undefined;
  if (usesPrincipal) {
    if (s.principal) {
      match = matchPrincipal(s.principal, input.caller);
      if (!match) {
        return miss(s, {
          element: "Principal",
          message: `principal \`${input.caller.raw}\` is not named`,
          position: s.principal.position,
        });
      }
    } else if (s.notPrincipal) {
      const forcedByBoundary = s.effect === "Deny" && input.hasBoundary;
      if (!forcedByBoundary && notPrincipalExcludes(s.notPrincipal, input.caller)) {
        return miss(s, {
          element: "NotPrincipal",
          message: `principal \`${input.caller.raw}\` is excluded`,
          position: s.notPrincipal.position,
        });
      }
      match = "wildcard";
    }
  }
  const actions = s.actions;
  if (actions) {
    if (actions.matchers.some((m) => m.test(input.action)) === actions.negated) {
      const verb = actions.negated ? "is listed in" : "is not matched by";
      return miss(s, {
        element: actions.negated ? "NotAction" : "Action",
        message: `action \`${input.action}\` ${verb} ${actions.shown}`,
        position: actions.raw[0]?.position,
      });
    }
  }
  for (const key of s.variables) {
    if (input.context.single(key) === undefined) {
      return miss(s, {
        element: "PolicyVariable",
        message: `policy variable \`\${${key}}\` has no value in the request, so the statement does not apply`,
        position: s.position,
        key,
      });
    }
  }
  const resources = s.resources;
  if (resources) {
    if (resources.matchers.some((m) => resourceMatches(m, input)) === resources.negated) {
      const verb = resources.negated ? "is listed in" : "is not matched by";
      return miss(s, {
        element: resources.negated ? "NotResource" : "Resource",
        message: `resource \`${input.resource}\` ${verb} ${resources.shown}`,
        position: resources.raw[0]?.position,
      });
    }
  }
  let held: HeldCondition[] | undefined;
  for (const condition of s.conditions) {
    const outcome = evaluateCondition(condition, input.context);
    const { entry } = condition;
    if (outcome.holds) {
      held = held ?? [];
      held.push({
        operator: entry.operator.value,
        key: entry.key.value,
        requestValues: outcome.requestValues,
      });
      continue;
    }
    return miss(s, {
      element: "Condition",
      message: `\`${entry.operator.value}\` \`${entry.key.value}\` ${condition.shownValues} does not hold: ${describeRequestValues(outcome.requestValues)}`,
      operator: entry.operator.value,
      key: entry.key.value,
      requestValues: outcome.requestValues,
      position: entry.key.position,
    });
  }
  return verdict(s, match, undefined, held, undefined);
}

function resourceMatches(m: ResourceMatcher, input: StatementInput): boolean {
  if ("fixed" in m) return m.fixed.matches(input.resource);
  const pieces = resolveTemplate(m.template, (k) => input.context.single(k));
  return pieces !== undefined && compileArnPieces(pieces).matches(input.resource);
}

function miss(s: CompiledStatement, mismatch: Mismatch): StatementTrace {
  return verdict(s, undefined, mismatch, undefined, undefined);
}

function verdict(
  s: CompiledStatement,
  match: PrincipalMatch | undefined,
  mismatch: Mismatch | undefined,
  conditions: HeldCondition[] | undefined,
  error: string | undefined,
): StatementTrace {
  return {
    policy: s.policy,
    statement: s.index,
    sid: s.sid,
    effect: s.effect,
    position: s.position,
    applies: mismatch === undefined && error === undefined,
    principalMatch: match,
    mismatch,
    conditions,
    error,
  };
}
