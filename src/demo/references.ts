/**
 * `${name}` references inside the demo's policy documents: a reference is
 * `${` + a demo name (letters, digits, `-`, `_`, `.`, no `:`) + `}`, and is
 * replaced at load by the id of the resource of that name (a VPC endpoint's
 * `vpce-…` id, a role's ARN, …). IAM policy variables such as
 * `${aws:username}` contain a colon (or are `${*}`, `${?}`, `${$}`) and
 * are left as they are.
 */
import type { JsonNode } from "../formats/json-tree.js";
import type { DemoNames } from "./names.js";

const REFERENCE = /\$\{([A-Za-z0-9][A-Za-z0-9_.-]*)\}/g;

/**
 * Checks every reference in a policy node against the names declared so far.
 *
 * @example
 * checkReferences(policyNode, names); // throws a ShapeError at the first unknown name
 */
export function checkReferences(node: JsonNode, names: DemoNames): void {
  switch (node.kind) {
    case "string":
      for (const match of node.value.matchAll(REFERENCE))
        names.known(match[1] as string, node.position);
      return;
    case "array":
      for (const item of node.items) checkReferences(item, names);
      return;
    case "object":
      for (const entry of node.entries) checkReferences(entry.value, names);
      return;
    default:
      return;
  }
}

/**
 * A policy value with its references replaced by ids, as JSON text.
 *
 * @example
 * resolvePolicy({ Condition: { StringEquals: { "aws:sourceVpce": "${ep}" } } }, new Map([["ep", "vpce-0abc"]]));
 * // '{"Condition":{"StringEquals":{"aws:sourceVpce":"vpce-0abc"}}}'
 */
export function resolvePolicy(policy: unknown, ids: ReadonlyMap<string, string>): string {
  return JSON.stringify(policy, (_key, value: unknown) =>
    typeof value === "string"
      ? value.replace(REFERENCE, (whole, name: string) => ids.get(name) ?? whole)
      : value,
  );
}
