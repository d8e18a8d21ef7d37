/**
 * Recognising a long-form intrinsic function: a mapping with exactly one
 * key that is `Ref` or starts with `Fn::` (and `Condition`, but only inside
 * the `Conditions` section, since `Condition` is an ordinary key elsewhere,
 * e.g. in IAM policy statements).
 */
import type { JsonNode } from "../../formats/json-tree.js";
import type { SourcePosition } from "../../formats/position.js";

/** One intrinsic call. */
export interface Intrinsic {
  /** `Ref`, `Condition` or `Fn::…`. */
  readonly name: string;
  readonly argument: JsonNode;
  readonly position: SourcePosition | undefined;
}

/**
 * The intrinsic `node` is, or `undefined`.
 *
 * @example
 * intrinsicOf(jsonNodeFromValue({ Ref: "Vpc" }), false)?.name; // "Ref"
 */
export function intrinsicOf(node: JsonNode, conditionKey: boolean): Intrinsic | undefined {
  if (node.kind !== "object" || node.entries.length !== 1) return undefined;
  const entry = node.entries[0];
  if (!entry) return undefined;
  const key = entry.key;
  if (key !== "Ref" && !key.startsWith("Fn::") && !(conditionKey && key === "Condition")) {
    return undefined;
  }
  return { name: key, argument: entry.value, position: node.position ?? entry.keyPosition };
}
