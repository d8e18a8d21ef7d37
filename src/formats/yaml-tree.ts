/**
 * YAML documents as positioned JSON trees (see json-tree.ts), so YAML
 * inputs (lab scenarios, CloudFormation templates later) are read by the
 * same strict readers and report the same `line:column` positions.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import type { JsonNode, JsonSyntaxError } from "./json-tree.js";
import { at } from "./optional.js";
import type { SourcePosition } from "./position.js";

/**
 * Parses one YAML document.
 *
 * @example
 * const { root } = parseYamlTree("steps:\n  - ls: { path: / }\n");
 */
export function parseYamlTree(text: string): { root?: JsonNode; error?: JsonSyntaxError } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const pos = lines.linePos(first.pos[0]);
    const message =
      first.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? "invalid YAML";
    return {
      error: {
        message: message.charAt(0).toLowerCase() + message.slice(1),
        position: { line: pos.line, column: pos.col },
      },
    };
  }
  const position = (node: Node | null | undefined): SourcePosition | undefined => {
    const offset = node?.range?.[0];
    if (offset === undefined) return undefined;
    const pos = lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const convert = (node: unknown): JsonNode => {
    if (isAlias(node)) return convert(node.resolve(doc));
    if (isMap(node)) {
      return {
        kind: "object",
        ...at(position(node)),
        entries: node.items.map((pair) => ({
          key: String(isScalar(pair.key) ? pair.key.value : pair.key),
          ...keyPos(position(isScalar(pair.key) ? pair.key : undefined)),
          value: convert(pair.value),
        })),
      };
    }
    if (isSeq(node))
      return { kind: "array", ...at(position(node)), items: node.items.map(convert) };
    if (isScalar(node)) {
      const v = node.value;
      const where = at(position(node));
      if (typeof v === "string") return { kind: "string", value: v, ...where };
      if (typeof v === "number") return { kind: "number", value: v, ...where };
      if (typeof v === "boolean") return { kind: "boolean", value: v, ...where };
      return { kind: "null", ...where };
    }
    return { kind: "null" };
  };
  return { root: convert(doc.contents) };
}

function keyPos(position: SourcePosition | undefined): { keyPosition?: SourcePosition } {
  return position ? { keyPosition: position } : {};
}
