/**
 * Where a resolved property path is written: walks the `Properties` node by
 * keys and indices, stepping into the branch an `Fn::If` chose. When the
 * path leaves what is written (a value produced by an intrinsic), the
 * position of the deepest node reached is the answer, so a finding still
 * points at the closest line.
 */
import type { JsonNode } from "../../formats/json-tree.js";
import type { SourcePosition } from "../../formats/position.js";
import type { Symbolic } from "../model.js";

/** Answers a condition by name (as the resolver decided it). */
export type ConditionValue = (name: string) => boolean | Symbolic;

/**
 * The position of `path` under `node`.
 *
 * @example
 * positionAt(propertiesNode, ["FileSystemConfigs", 0, "Arn"], () => true); // { line: 12, column: 11 }
 */
export function positionAt(
  node: JsonNode | undefined,
  path: readonly (string | number)[],
  condition: ConditionValue,
): SourcePosition | undefined {
  let current = node ? chosen(node, condition) : undefined;
  let best = current?.position;
  for (const step of path) {
    if (!current) break;
    let next: JsonNode | undefined;
    if (current.kind === "object" && typeof step === "string") {
      const entry = current.entries.find((e) => e.key === step);
      next = entry?.value;
      if (entry && !entry.value.position && entry.keyPosition) best = entry.keyPosition;
    } else if (current.kind === "array" && typeof step === "number") {
      next = current.items[step];
    }
    current = next ? chosen(next, condition) : undefined;
    if (current?.position) best = current.position;
  }
  return best;
}

/** The branch an `Fn::If` node stands for (itself when not an `Fn::If` or undecided). */
function chosen(node: JsonNode, condition: ConditionValue): JsonNode {
  let current = node;
  for (;;) {
    if (current.kind !== "object" || current.entries.length !== 1) return current;
    const entry = current.entries[0];
    if (entry?.key !== "Fn::If" || entry.value.kind !== "array") return current;
    const [name, whenTrue, whenFalse] = entry.value.items;
    if (name?.kind !== "string" || !whenTrue || !whenFalse) return current;
    const value = condition(name.value);
    if (typeof value !== "boolean") return current;
    current = value ? whenTrue : whenFalse;
  }
}
