/**
 * Small strict readers the demo stack's sections share: a required
 * string, a list of names of one kind declared earlier, a policy document
 * (checked by the policy parser, its `${name}` references checked against
 * the names declared so far) and a map of named inline policies.
 */
import { readEmbeddedPolicy } from "../engines/policy/embedded-policy.js";
import { readArray, readString, required, ShapeError } from "../formats/json-read.js";
import { type JsonNode, jsonNodeToValue } from "../formats/json-tree.js";
import type { PolicyValue } from "./model.js";
import type { DemoNames, NameKind } from "./names.js";
import { checkReferences } from "./references.js";

/**
 * The string member `key` of `members`, which must be present.
 *
 * @example
 * requiredString(readObject(node, "vpc", ["name", "cidr"]), "cidr", "vpc", node); // "10.0.0.0/16"
 */
export function requiredString(
  members: Map<string, JsonNode>,
  key: string,
  where: string,
  node: JsonNode,
): string {
  return readString(required(members, key, where, node.position), `${where}.${key}`);
}

/**
 * A list of names, each declared earlier as `kind`.
 *
 * @example
 * readNameList(node, "endpoints[0].subnets", "subnet", names); // ["demo-subnet-a", "demo-subnet-b"]
 */
export function readNameList(
  node: JsonNode,
  where: string,
  kind: NameKind,
  names: DemoNames,
): string[] {
  return readArray(node, where).map((item, i) => {
    const name = readString(item, `${where}[${i}]`);
    names.expect(name, kind, item.position);
    return name;
  });
}

/**
 * A policy document as a plain value, after checking its shape and references.
 *
 * @example
 * readPolicy(node, "secrets[0].policy", names).Statement;
 */
export function readPolicy(node: JsonNode, where: string, names: DemoNames): PolicyValue {
  readEmbeddedPolicy(node, where);
  checkReferences(node, names);
  return jsonNodeToValue(node);
}

/**
 * `{ policyName: document, … }` inline policies.
 *
 * @example
 * readInlinePolicies(node, "users[0].policies", names); // { "describe-only": {…} }
 */
export function readInlinePolicies(
  node: JsonNode | undefined,
  where: string,
  names: DemoNames,
): Record<string, PolicyValue> {
  if (!node) return {};
  if (node.kind !== "object")
    throw new ShapeError(
      `${where} must be an object of named policies, found ${node.kind}`,
      node.position,
    );
  const out: Record<string, PolicyValue> = {};
  for (const entry of node.entries) {
    out[entry.key] = readPolicy(entry.value, `${where}.${entry.key}`, names);
  }
  return out;
}
