/**
 * Reading a policy embedded in another document (a scenario file, a lab
 * scenario, later a template): its first structural problem stops the
 * reader with the problem's own position.
 */
import { ShapeError } from "../../formats/json-read.js";
import type { JsonNode } from "../../formats/json-tree.js";
import { parsePolicyNode } from "./parse.js";
import type { NamedPolicy } from "./policy-set.js";

/**
 * Reads an embedded policy named `where`; throws a ShapeError on the first issue.
 *
 * @example
 * readEmbeddedPolicy(node, "identityPolicies[0]").document.statements.length;
 */
export function readEmbeddedPolicy(node: JsonNode, where: string): NamedPolicy {
  const { policy, issues } = parsePolicyNode(node);
  const first = issues[0];
  if (first || !policy) {
    throw new ShapeError(
      `${where}: ${first?.message ?? "not a policy"}`,
      first?.position ?? node.position,
    );
  }
  return { name: where, document: policy };
}
