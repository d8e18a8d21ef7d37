/**
 * AWS's wording for a refused call, from the engine's decision: "User:
 * <arn> is not authorized to perform: <action> on resource: <arn>" followed
 * by the policy type that refused it, "because no identity-based policy
 * allows the <action> action" for an implicit deny or "with an explicit
 * deny in a <policy type>" for an explicit one.
 */
import type { Decision } from "./decision.js";
import { POLICY_KIND_LABEL } from "./policy-kind.js";

/**
 * The message of an AccessDenied answer.
 *
 * @example
 * denialMessage("arn:aws:iam::000000000000:user/bob", "iam:CreateRole", "*", decision);
 * // "User: arn:aws:iam::000000000000:user/bob is not authorized to perform: iam:CreateRole on resource: * because no identity-based policy allows the iam:CreateRole action"
 */
export function denialMessage(
  principal: string,
  action: string,
  resource: string,
  decision: Decision,
): string {
  const head = `User: ${principal} is not authorized to perform: ${action} on resource: ${resource}`;
  if (decision.decision === "ExplicitlyDenied") {
    const kind = decision.deciding[0]?.policy.kind ?? "identity";
    const label = POLICY_KIND_LABEL[kind];
    return `${head} with an explicit deny in ${/^[aeiou]/.test(label) ? "an" : "a"} ${label}`;
  }
  const label = POLICY_KIND_LABEL[decision.deniedBy ?? "identity"];
  return `${head} because no ${label} allows the ${action} action`;
}
