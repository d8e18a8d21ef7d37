/**
 * The IAM policy engine's public surface: parse, validate, compile,
 * authorize, explain. Pure: no I/O, no clock; every result is a value.
 *
 * @example
 * const parsed = parsePolicy(text);
 * const set = compilePolicySet({ identityPolicies: [{ document: parsed.policy! }] });
 * const decision = authorize(set, { principal: "arn:aws:iam::111122223333:user/alice",
 *   action: "s3:GetObject", resource: "arn:aws:s3:::bucket/key" });
 * console.log(explainDecision(decision));
 */

export { formatPosition, lineIndex, type SourcePosition } from "../../formats/position.js";
export type * from "./ast.js";
export type * from "./decision.js";
export { authorize, type CompiledPolicySet, compilePolicySet } from "./evaluate.js";
export { explainDecision } from "./explain.js";
export { parsePolicy, parsePolicyValue } from "./parse.js";
export { isPolicyKind, POLICY_KIND_LABEL, POLICY_KINDS, type PolicyKind } from "./policy-kind.js";
export type * from "./policy-set.js";
export type * from "./request.js";
export { runScenario, type ScenarioResult } from "./run-scenario.js";
export { parseScenarios, type Scenario, type ScenarioError } from "./scenario.js";
export type * from "./validate/catalogue.js";
export type * from "./validate/finding.js";
export { validatePolicy } from "./validate/validate.js";
