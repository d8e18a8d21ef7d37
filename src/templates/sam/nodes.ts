/**
 * Small helpers for reading and building positioned JSON trees during the
 * SAM transform: look up an object member, build objects, arrays and
 * strings, and stamp every node of a generated subtree with the position of
 * the SAM resource it came from, so findings on generated resources point
 * at the `AWS::Serverless::Function` a person actually wrote.
 */
import type { JsonEntry, JsonNode } from "../../formats/json-tree.js";
import { at } from "../../formats/optional.js";
import type { SourcePosition } from "../../formats/position.js";

export { member } from "../../formats/json-tree.js";

/**
 * The entry for `key` in an object node (last one wins, like JSON readers).
 *
 * @example
 * entryOf(resources, "MyFunction")?.keyPosition;
 */
export function entryOf(node: JsonNode | undefined, key: string): JsonEntry | undefined {
  if (node?.kind !== "object") return undefined;
  let found: JsonEntry | undefined;
  for (const entry of node.entries) if (entry.key === key) found = entry;
  return found;
}

/**
 * A string node at a position.
 *
 * @example
 * text("nodejs20.x", fn.position);
 */
export function text(value: string, position: SourcePosition | undefined): JsonNode {
  return { kind: "string", value, ...at(position) };
}

/**
 * An object node from `[key, value]` pairs (pairs with an undefined value are left out).
 *
 * @example
 * object([["Ref", text("Bucket", p)]], p);
 */
export function object(
  pairs: readonly (readonly [string, JsonNode | undefined])[],
  position: SourcePosition | undefined,
): JsonNode {
  const entries: JsonEntry[] = [];
  for (const [key, value] of pairs) if (value) entries.push({ key, value, ...keyAt(position) });
  return { kind: "object", entries, ...at(position) };
}

/**
 * An array node.
 *
 * @example
 * array([text("a", p)], p);
 */
export function array(items: readonly JsonNode[], position: SourcePosition | undefined): JsonNode {
  return { kind: "array", items: [...items], ...at(position) };
}

/**
 * A copy of a tree built from plain values (no positions) with every node,
 * and every key, placed at `position`.
 *
 * @example
 * stamp(jsonNodeFromValue({ Effect: "Allow" }), fn.position);
 */
export function stamp(node: JsonNode, position: SourcePosition | undefined): JsonNode {
  const where = at(node.position ?? position);
  switch (node.kind) {
    case "object":
      return {
        kind: "object",
        ...where,
        entries: node.entries.map((e) => ({
          key: e.key,
          ...keyAt(e.keyPosition ?? position),
          value: stamp(e.value, position),
        })),
      };
    case "array":
      return { kind: "array", ...where, items: node.items.map((i) => stamp(i, position)) };
    default:
      return { ...node, ...where };
  }
}

/**
 * True for a CloudFormation intrinsic: an object with exactly one key that
 * is `Ref`, `Condition` or starts with `Fn::` (SAM's own test).
 *
 * @example
 * isIntrinsic(object([["Ref", text("X", p)]], p)); // true
 */
export function isIntrinsic(node: JsonNode | undefined): boolean {
  if (node?.kind !== "object" || node.entries.length !== 1) return false;
  const key = node.entries[0]?.key ?? "";
  return key === "Ref" || key === "Condition" || key.startsWith("Fn::");
}

function keyAt(position: SourcePosition | undefined): { keyPosition?: SourcePosition } {
  return position ? { keyPosition: position } : {};
}
