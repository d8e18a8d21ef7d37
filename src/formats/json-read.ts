/**
 * Strict readers over a positioned JSON tree, for input formats with a
 * fixed shape (scenario files, lab scenarios): each reader checks one
 * node's type and throws a {@link ShapeError} that carries the node's
 * position, so a caller can report `file:line:column` and stop.
 */
import type { JsonNode } from "./json-tree.js";
import type { SourcePosition } from "./position.js";

/** A shape problem at a position. */
export class ShapeError extends Error {
  constructor(
    message: string,
    readonly position: SourcePosition | undefined,
  ) {
    super(message);
    this.name = "ShapeError";
  }
}

/**
 * Reads an object whose keys must all be in `known`; returns its members.
 *
 * @example
 * const m = readObject(node, "request", ["principal", "action"]);
 */
export function readObject(
  node: JsonNode,
  where: string,
  known: readonly string[],
): Map<string, JsonNode> {
  if (node.kind !== "object")
    throw new ShapeError(`${where} must be an object, found ${node.kind}`, node.position);
  const out = new Map<string, JsonNode>();
  for (const entry of node.entries) {
    if (!known.includes(entry.key))
      throw new ShapeError(`unknown field \`${entry.key}\` in ${where}`, entry.keyPosition);
    out.set(entry.key, entry.value);
  }
  return out;
}

/** Reads an array's items. */
export function readArray(node: JsonNode, where: string): JsonNode[] {
  if (node.kind !== "array")
    throw new ShapeError(`\`${where}\` must be an array, found ${node.kind}`, node.position);
  return node.items;
}

/** Reads a string. */
export function readString(node: JsonNode, where: string): string {
  if (node.kind !== "string")
    throw new ShapeError(`\`${where}\` must be a string, found ${node.kind}`, node.position);
  return node.value;
}

/** Reads a whole number in `[min, max]`. */
export function readInteger(
  node: JsonNode,
  where: string,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (
    node.kind !== "number" ||
    !Number.isInteger(node.value) ||
    node.value < min ||
    node.value > max
  ) {
    throw new ShapeError(
      `\`${where}\` must be a whole number from ${min} to ${max}`,
      node.position,
    );
  }
  return node.value;
}

/** Reads a boolean. */
export function readBoolean(node: JsonNode, where: string): boolean {
  if (node.kind !== "boolean")
    throw new ShapeError(`\`${where}\` must be true or false, found ${node.kind}`, node.position);
  return node.value;
}

/** Reads a required member of an object read by {@link readObject}. */
export function required(
  members: Map<string, JsonNode>,
  key: string,
  where: string,
  at: SourcePosition | undefined,
): JsonNode {
  const node = members.get(key);
  if (!node) throw new ShapeError(`${where} has no \`${key}\``, at);
  return node;
}
