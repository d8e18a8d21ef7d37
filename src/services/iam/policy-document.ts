/**
 * Checks a policy document the way IAM does before storing it: the policy
 * engine's validator runs for the policy's kind and the first ERROR finding
 * becomes `MalformedPolicyDocument`, with its line and column; warnings and
 * suggestions never block. Size quotas are checked by the callers, which
 * know which quota applies.
 */
import type { PolicyKind } from "../../engines/policy/policy-kind.js";
import { validatePolicy } from "../../engines/policy/validate/validate.js";
import { malformedPolicy } from "./errors.js";
import { checkRange } from "./input-checks.js";

/**
 * Throws `MalformedPolicyDocument` unless `text` is a valid policy of `kind`.
 *
 * @example
 * checkPolicyDocument('{"Version":"2012-10-17","Statement":[]}', "identity");
 */
export function checkPolicyDocument(text: string, kind: PolicyKind, field: string): void {
  checkRange(`${field}.length`, text.length, 1, 131072);
  const first = validatePolicy(text, { kind }).find((f) => f.type === "ERROR");
  if (first) throw malformedPolicy(first);
}
