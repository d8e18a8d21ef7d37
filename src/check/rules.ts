/**
 * Every rule `accesslab check` can report, gathered from the per-area files
 * under `rules/`: the catalogue users read (ids, severities, titles,
 * explanations and fixes), the ids probes emit, suppressions match and
 * SARIF lists as its rules. An id, once published, never changes meaning.
 */
import type { RuleDefinition } from "./rule.js";
import { ECS_RULES } from "./rules/ecs-rules.js";
import { EFS_RULES } from "./rules/efs-rules.js";
import { IAM_RULES } from "./rules/iam-rules.js";
import { LAMBDA_RULES } from "./rules/lambda-rules.js";
import { SECRETS_RULES } from "./rules/secrets-rules.js";
import { SMB_RULES } from "./rules/smb-rules.js";
import { STACK_RULES } from "./rules/stack-rules.js";
import { VPC_RULES } from "./rules/vpc-rules.js";

/**
 * All rules, grouped by area in this order: efs, lambda, iam, ecs, secrets,
 * vpc, smb.
 *
 * @example
 * RULES.length > 0; // true
 */
export const RULES: readonly RuleDefinition[] = [
  ...EFS_RULES,
  ...LAMBDA_RULES,
  ...IAM_RULES,
  ...ECS_RULES,
  ...SECRETS_RULES,
  ...VPC_RULES,
  ...SMB_RULES,
  ...STACK_RULES,
];

const BY_ID: ReadonlyMap<string, RuleDefinition> = new Map(RULES.map((rule) => [rule.id, rule]));

/**
 * The rule with this id, or `undefined`.
 *
 * @example
 * findRule("efs-anonymous-mount-allowed")?.severity; // "warning"
 */
export function findRule(id: string): RuleDefinition | undefined {
  return BY_ID.get(id);
}
