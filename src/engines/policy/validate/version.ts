/**
 * The `Version` element: without it IAM reads the policy with the old
 * 2008-10-17 grammar, in which policy variables such as `${aws:username}`
 * are plain text and never substituted.
 */
import type { Located, Statement } from "../ast.js";
import type { Finding } from "./finding.js";
import { finding, type RuleContext } from "./rule.js";

/** Kinds whose documentation makes `Version` mandatory. */
const VERSION_REQUIRED = new Set(["rcp"]);

/**
 * Reports a missing `Version` and variables used under the old grammar.
 *
 * @example
 * checkVersion(context); // [{ code: "missing-version", type: "WARNING", ... }]
 */
export function checkVersion({ policy, kind }: RuleContext): Finding[] {
  const out: Finding[] = [];
  const version = policy.version?.value;
  if (version === undefined) {
    const type = VERSION_REQUIRED.has(kind) ? "ERROR" : "WARNING";
    const message =
      'policy has no `Version`; add `"Version": "2012-10-17"` (without it IAM uses the 2008-10-17 grammar)';
    out.push(finding(type, "missing-version", message, policy.position));
  }
  if (version === "2012-10-17") return out;
  for (const s of policy.statements) {
    const variable = firstVariable(s);
    if (!variable) continue;
    const message = `\`${variable.value}\` holds a policy variable, but variables are only substituted with \`"Version": "2012-10-17"\``;
    out.push(
      finding("WARNING", "variables-unsupported-in-version", message, variable.position, s.index),
    );
  }
  return out;
}

function firstVariable(s: Statement): Located | undefined {
  const values = [
    ...(s.resource ?? []),
    ...(s.notResource ?? []),
    ...(s.condition ?? []).flatMap((c) => c.values),
  ];
  return values.find((v) => /\$\{[^}]+\}/.test(v.value));
}
