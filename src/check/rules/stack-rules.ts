/**
 * The rule for a resource the emulator could not create at all: the
 * deployment itself would fail, with the service's own reason, and the
 * stack would roll back before any workload runs.
 */
import type { RuleDefinition } from "../rule.js";

/**
 * The stack rules.
 *
 * @example
 * STACK_RULES[0]?.id; // "stack-resource-creation-fails"
 */
export const STACK_RULES: readonly RuleDefinition[] = [
  {
    id: "stack-resource-creation-fails",
    area: "stack",
    severity: "error",
    title: "{resource} ({type}) cannot be created: the stack would roll back",
    explanation:
      "Deploying the template into accesslab's emulator, CloudFormation's call to create {resource} is refused by the service with: {reason}. On AWS the same refusal fails the resource with CREATE_FAILED, and the stack rolls back every resource it had created, so nothing in the template gets deployed.",
    fix: "Change {resource} (or what it refers to) so the service accepts it; the reason above names the property or permission at fault.",
  },
];
