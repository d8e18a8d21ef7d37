/**
 * A JSON syntax tree with a source position on every node, so that policy
 * and scenario readers can report `line:column` for any element. Built on
 * `jsonc-parser` in strict mode (no comments, no trailing commas).
 */
import { type Node, type ParseError, parseTree, printParseErrorCode } from "jsonc-parser";
import { type LineIndex, lineIndex, type SourcePosition } from "./position.js";

/** One `"key": value` member of a JSON object. */
export interface JsonEntry {
  readonly key: string;
  readonly keyPosition?: SourcePosition;
  readonly value: JsonNode;
}

/** A JSON value with its position (absent for values built from plain objects). */
export type JsonNode =
  | { readonly kind: "object"; readonly entries: JsonEntry[]; readonly position?: SourcePosition }
  | { readonly kind: "array"; readonly items: JsonNode[]; readonly position?: SourcePosition }
  | { readonly kind: "string"; readonly value: string; readonly position?: SourcePosition }
  | { readonly kind: "number"; readonly value: number; readonly position?: SourcePosition }
  | { readonly kind: "boolean"; readonly value: boolean; readonly position?: SourcePosition }
  | { readonly kind: "null"; readonly position?: SourcePosition };

/** A JSON syntax error with its position. */
export interface JsonSyntaxError {
  readonly message: string;
  readonly position: SourcePosition;
}

const ERROR_WORDS: Record<string, string> = {
  InvalidSymbol: "invalid symbol",
  InvalidNumberFormat: "invalid number",
  PropertyNameExpected: "expected a property name",
  ValueExpected: "expected a value",
  ColonExpected: "expected `:`",
  CommaExpected: "expected `,`",
  CloseBraceExpected: "expected `}`",
  CloseBracketExpected: "expected `]`",
  EndOfFileExpected: "unexpected content after the end of the document",
  InvalidCommentToken: "comments are not allowed in JSON",
  UnexpectedEndOfComment: "unterminated comment",
  UnexpectedEndOfString: "unterminated string",
  UnexpectedEndOfNumber: "unterminated number",
  InvalidUnicode: "invalid unicode escape",
  InvalidEscapeCharacter: "invalid escape character",
  InvalidCharacter: "invalid character in string",
};

/**
 * Parses strict JSON text into a positioned tree.
 *
 * @example
 * const { root, error } = parseJsonTree('{"Version": "2012-10-17"}');
 */
export function parseJsonTree(text: string): { root?: JsonNode; error?: JsonSyntaxError } {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const lines = lineIndex(text);
  const first = errors[0];
  if (first) {
    const name = printParseErrorCode(first.error);
    return { error: { message: ERROR_WORDS[name] ?? name, position: lines.at(first.offset) } };
  }
  if (!tree) return { error: { message: "expected a value", position: { line: 1, column: 1 } } };
  return { root: convert(tree, lines) };
}

function convert(node: Node, lines: LineIndex): JsonNode {
  const position = lines.at(node.offset);
  switch (node.type) {
    case "object":
      return {
        kind: "object",
        position,
        entries: (node.children ?? []).map((property) => {
          const [keyNode, valueNode] = property.children ?? [];
          return {
            key: String(keyNode?.value ?? ""),
            keyPosition: lines.at(keyNode?.offset ?? property.offset),
            value: valueNode ? convert(valueNode, lines) : { kind: "null", position },
          };
        }),
      };
    case "array":
      return {
        kind: "array",
        position,
        items: (node.children ?? []).map((c) => convert(c, lines)),
      };
    case "string":
      return { kind: "string", position, value: String(node.value) };
    case "number":
      return { kind: "number", position, value: Number(node.value) };
    case "boolean":
      return { kind: "boolean", position, value: Boolean(node.value) };
    default:
      return { kind: "null", position };
  }
}

/**
 * Wraps a plain JavaScript value (e.g. an object built in code) as a tree
 * without positions. Values that JSON cannot hold become `null`.
 */
export function jsonNodeFromValue(value: unknown): JsonNode {
  if (typeof value === "string") return { kind: "string", value };
  if (typeof value === "number") return { kind: "number", value };
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (Array.isArray(value)) return { kind: "array", items: value.map(jsonNodeFromValue) };
  if (value !== null && typeof value === "object") {
    return {
      kind: "object",
      entries: Object.entries(value).map(([key, v]) => ({ key, value: jsonNodeFromValue(v) })),
    };
  }
  return { kind: "null" };
}

/** Converts a tree back to a plain JavaScript value (later duplicate keys win). */
export function jsonNodeToValue(node: JsonNode): unknown {
  switch (node.kind) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const entry of node.entries) out[entry.key] = jsonNodeToValue(entry.value);
      return out;
    }
    case "array":
      return node.items.map(jsonNodeToValue);
    case "null":
      return null;
    default:
      return node.value;
  }
}

/**
 * The value of `key` in an object node (the last one when a key repeats, as
 * JSON readers take it), or `undefined`, also for a node that is not an object.
 *
 * @example
 * member(resource, "Properties");
 */
export function member(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (node?.kind !== "object") return undefined;
  let found: JsonNode | undefined;
  for (const entry of node.entries) if (entry.key === key) found = entry.value;
  return found;
}
