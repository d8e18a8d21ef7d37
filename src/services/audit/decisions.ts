/**
 * A policy decision as the audit trail keeps it: the action and resource
 * asked, the engine's verdict and reasons, the policy type whose missing
 * allow caused an implicit deny, and each deciding statement with its
 * policy's name and where it was written. The full trace is left out so a
 * record stays small.
 */
import type { Decision } from "../../engines/policy/decision.js";
import type { AuditDecision } from "./event.js";

/**
 * The audit form of one decision.
 *
 * @example
 * auditDecision("iam:CreateRole", "arn:aws:iam::000000000000:role/app", decision).decision; // "ImplicitlyDenied"
 */
export function auditDecision(action: string, resource: string, decision: Decision): AuditDecision {
  return {
    action,
    resource,
    decision: decision.decision,
    reasons: decision.reasons,
    ...(decision.deniedBy !== undefined ? { deniedBy: decision.deniedBy } : {}),
    deciding: decision.deciding.map((t) => ({
      policy: t.policy.name ?? `${t.policy.kind} policy ${t.policy.index + 1}`,
      policyType: t.policy.kind,
      effect: t.effect,
      ...(t.sid !== undefined ? { sid: t.sid } : {}),
      ...(t.position ? { line: t.position.line, column: t.position.column } : {}),
    })),
  };
}
