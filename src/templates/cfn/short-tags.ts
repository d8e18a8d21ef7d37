/**
 * CloudFormation's YAML short-form tags and their long forms: `!Ref x` is
 * `{"Ref": "x"}`, `!Condition c` is `{"Condition": "c"}`, `!GetAtt a.b` is
 * `{"Fn::GetAtt": ["a", "b"]}` (split at the first dot, so `a.b.c` keeps
 * `b.c` as the attribute), and every other tag `!X v` is `{"Fn::X": v}`.
 */
import type { JsonNode } from "../../formats/json-tree.js";
import type { SourcePosition } from "../../formats/position.js";

/** The short-form tag names, without the leading `!`. */
export const SHORT_TAGS: ReadonlySet<string> = new Set([
  "Ref",
  "Condition",
  "GetAtt",
  "Sub",
  "Join",
  "Select",
  "Split",
  "If",
  "Equals",
  "And",
  "Or",
  "Not",
  "FindInMap",
  "GetAZs",
  "ImportValue",
  "Base64",
  "Cidr",
  "Transform",
  "Length",
  "ToJsonString",
]);

/** The long-form key of a short tag name (`GetAtt` → `Fn::GetAtt`). */
function longKey(name: string): string {
  return name === "Ref" || name === "Condition" ? name : `Fn::${name}`;
}

/**
 * The long form of a tagged node, or `undefined` when `tag` is not a
 * CloudFormation short form.
 *
 * @example
 * expandShortTag("!Ref", { kind: "string", value: "Bucket" });
 * // { kind: "object", entries: [{ key: "Ref", value: { kind: "string", value: "Bucket" } }] }
 */
export function expandShortTag(
  tag: string,
  value: JsonNode,
  position?: SourcePosition,
): JsonNode | undefined {
  const name = tag.startsWith("!") ? tag.slice(1) : tag;
  if (!SHORT_TAGS.has(name)) return undefined;
  const where = position ?? value.position;
  const argument = name === "GetAtt" ? splitGetAtt(value) : value;
  return {
    kind: "object",
    ...(where ? { position: where } : {}),
    entries: [{ key: longKey(name), ...(where ? { keyPosition: where } : {}), value: argument }],
  };
}

/** `a.b.c` → `["a", "b.c"]`; anything else is left for the evaluator to judge. */
function splitGetAtt(value: JsonNode): JsonNode {
  if (value.kind !== "string") return value;
  const dot = value.value.indexOf(".");
  if (dot < 0) return value;
  const at = value.position ? { position: value.position } : {};
  return {
    kind: "array",
    ...at,
    items: [
      { kind: "string", value: value.value.slice(0, dot), ...at },
      { kind: "string", value: value.value.slice(dot + 1), ...at },
    ],
  };
}
