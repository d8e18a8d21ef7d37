/**
 * Resources: each `Resource` and `NotResource` value is `*` or a
 * well-formed ARN (see `arn-shape.ts`).
 */

import { arnProblem } from "./arn-shape.js";
import type { Finding } from "./finding.js";
import { finding, type RuleContext } from "./rule.js";

/**
 * Reports malformed resource ARNs.
 *
 * @example
 * checkResources(context); // [{ code: "invalid-arn-prefix", ... }] for `Resource: "my-bucket"`
 */
export function checkResources({ policy }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const s of policy.statements) {
    for (const resource of [...(s.resource ?? []), ...(s.notResource ?? [])]) {
      if (resource.value === "*") continue;
      const problem = arnProblem(resource.value);
      if (problem)
        out.push(finding("ERROR", problem.code, problem.message, resource.position, s.index));
    }
  }
  return out;
}
