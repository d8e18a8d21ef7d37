/**
 * One simulation result from one engine decision: the simulator's
 * spelling of the outcome (`allowed`, `explicitDeny`, `implicitDeny`), the
 * deciding statements as `MatchedStatements` (policy id and type, start and
 * end positions in the policy text), the context keys that conditions
 * needed but the request did not give (`MissingContextValues`), and
 * whether the permissions boundary alone allows the action.
 */
import type { Decision, StatementTrace } from "../../engines/policy/decision.js";
import type { SourcePosition } from "../../formats/position.js";
import { statementEnd } from "./simulate-positions.js";
import type { PolicySource } from "./simulate-sources.js";

/** The simulator's three outcomes, as AWS spells them. */
export type EvalDecision = "allowed" | "explicitDeny" | "implicitDeny";

/** A statement that decided a result. */
export interface MatchedStatement {
  readonly sourcePolicyId: string;
  readonly sourcePolicyType: string;
  readonly startPosition?: SourcePosition;
  readonly endPosition?: SourcePosition;
}

/** The decision on one action and one resource. */
export interface ResourceResult {
  readonly evalResourceName: string;
  readonly decision: EvalDecision;
  readonly matchedStatements: MatchedStatement[];
  readonly missingContextValues: string[];
  readonly evalDecisionDetails?: Readonly<Record<string, EvalDecision>>;
  readonly allowedByPermissionsBoundary?: boolean;
}

/** One `EvaluationResult`. */
export interface EvaluationResult extends ResourceResult {
  readonly evalActionName: string;
  readonly resourceSpecificResults?: ResourceResult[];
}

/** The policies of one simulation, by the role they play. */
export interface Policies {
  readonly identity: readonly PolicySource[];
  readonly boundary?: PolicySource;
  readonly resource?: PolicySource;
}

/**
 * The result for one resource from the engine's decision.
 *
 * @example
 * resourceResult("*", decision, policies, undefined).decision; // "allowed"
 */
export function resourceResult(
  resource: string,
  decision: Decision,
  policies: Policies,
  details: Record<string, EvalDecision> | undefined,
): ResourceResult {
  const matched = decision.deciding.flatMap((t) => matchedStatement(t, policies));
  const boundaryTraces = decision.trace.filter((t) => t.policy.kind === "boundary" && t.applies);
  return {
    evalResourceName: resource,
    decision: evalDecision(decision),
    matchedStatements: matched,
    missingContextValues: missingKeys(decision.trace),
    ...(details ? { evalDecisionDetails: details } : {}),
    ...(policies.boundary
      ? {
          allowedByPermissionsBoundary:
            boundaryTraces.some((t) => t.effect === "Allow") &&
            !boundaryTraces.some((t) => t.effect === "Deny"),
        }
      : {}),
  };
}

function matchedStatement(trace: StatementTrace, policies: Policies): MatchedStatement[] {
  const { kind, index } = trace.policy;
  const source =
    kind === "identity"
      ? policies.identity[index]
      : kind === "boundary"
        ? policies.boundary
        : kind === "resource"
          ? policies.resource
          : undefined;
  if (source === undefined) return [];
  const start = trace.position;
  const end = start ? statementEnd(source.text, start) : undefined;
  return [
    {
      sourcePolicyId: source.id,
      sourcePolicyType: source.type,
      ...(start ? { startPosition: start } : {}),
      ...(end ? { endPosition: end } : {}),
    },
  ];
}

function missingKeys(trace: readonly StatementTrace[]): string[] {
  const keys = new Set<string>();
  for (const t of trace) {
    const m = t.mismatch;
    if (m?.element === "Condition" && m.key !== undefined && m.requestValues === undefined) {
      keys.add(m.key);
    }
    for (const held of t.conditions ?? []) if (held.requestValues === undefined) keys.add(held.key);
  }
  return [...keys];
}

/**
 * The simulator's spelling of a decision.
 *
 * @example
 * evalDecision(decision); // "explicitDeny"
 */
export function evalDecision(decision: Decision): EvalDecision {
  if (decision.decision === "Allowed") return "allowed";
  return decision.decision === "ExplicitlyDenied" ? "explicitDeny" : "implicitDeny";
}
