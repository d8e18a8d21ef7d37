/**
 * Runs one scenario: compile its policies, authorize its request, and
 * compare with the expected decision when it gives one.
 */
import type { Decision } from "./decision.js";
import { authorize, compilePolicySet } from "./evaluate.js";
import type { Scenario } from "./scenario.js";

/** A scenario's decision and whether it met the expectation (undefined when none). */
export interface ScenarioResult {
  readonly scenario: Scenario;
  readonly decision: Decision;
  readonly pass?: boolean;
}

/**
 * Runs a scenario.
 *
 * @example
 * runScenario(parseScenarios(text).scenarios[0]).decision.decision; // "Allowed"
 */
export function runScenario(scenario: Scenario): ScenarioResult {
  const decision = authorize(compilePolicySet(scenario.policies), scenario.request);
  return scenario.expected === undefined
    ? { scenario, decision }
    : { scenario, decision, pass: decision.decision === scenario.expected };
}
