/**
 * Actions: each must be `*` or `service:action`; with a catalogue, the
 * service must exist, a plain name must be one of its actions (with a
 * "did you mean") and a wildcard must match at least one. Services the
 * catalogue knows of but did not load are skipped.
 */
import type { Located } from "../ast.js";
import { closestName } from "../suggest.js";
import { compileGlob } from "../wildcard.js";
import { hasWildcard, splitAction } from "./action-name.js";
import type { ActionCatalogue } from "./catalogue.js";
import type { Finding } from "./finding.js";
import { finding, type RuleContext } from "./rule.js";

/**
 * Checks every `Action` and `NotAction` value.
 *
 * @example
 * checkActions({ ...context, catalogue }); // [{ code: "unknown-action", message: "... did you mean `s3:GetObject`" }]
 */
export function checkActions({ policy, catalogue }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const s of policy.statements) {
    for (const action of [...(s.action ?? []), ...(s.notAction ?? [])]) {
      const problem = checkOne(action, catalogue);
      if (problem)
        out.push(finding(problem.type, problem.code, problem.message, action.position, s.index));
    }
  }
  return out;
}

type Problem = Pick<Finding, "type" | "code" | "message">;

function checkOne({ value }: Located, catalogue: ActionCatalogue | undefined): Problem | undefined {
  if (value === "*") return undefined;
  const split = splitAction(value);
  if (!split) {
    return {
      type: "ERROR",
      code: "invalid-action",
      message: `action \`${value}\` must be \`*\` or \`service:action\``,
    };
  }
  if (hasWildcard(split.service)) {
    const message = `wildcard in the service prefix of \`${value}\` may match services you did not mean; name the service`;
    return { type: "SUGGESTION", code: "wildcard-in-service-name", message };
  }
  if (!catalogue) return undefined;
  if (!catalogue.hasService(split.service)) {
    return {
      type: "ERROR",
      code: "unknown-service",
      message: `service prefix \`${split.service}\` in \`${value}\` does not exist`,
    };
  }
  const actions = catalogue.actions(split.service);
  if (!actions) return undefined;
  if (hasWildcard(split.name)) {
    const glob = compileGlob(split.name, true);
    if (actions.some((a) => glob.test(a))) return undefined;
    return {
      type: "ERROR",
      code: "unknown-action",
      message: `\`${value}\` matches no action of \`${split.service}\``,
    };
  }
  const lower = split.name.toLowerCase();
  if (actions.some((a) => a.toLowerCase() === lower)) return undefined;
  const near = closestName(split.name, actions);
  const hint = near ? `; did you mean \`${split.service}:${near}\`` : "";
  return {
    type: "ERROR",
    code: "unknown-action",
    message: `action \`${value}\` does not exist in \`${split.service}\`${hint}`,
  };
}
