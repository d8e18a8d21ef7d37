/**
 * Duplicate mapping keys in a positioned tree. Neither the JSON nor the YAML
 * reader refuses them, so both trees go through this one walk; each repeat
 * after the first is reported at its own key position.
 */
import type { JsonNode } from "../../formats/json-tree.js";
import type { SourcePosition } from "../../formats/position.js";

/** One repeated key. */
export interface DuplicateKey {
  readonly key: string;
  readonly position?: SourcePosition;
  /** Where the key was first written. */
  readonly first?: SourcePosition;
}

/**
 * Every repeated key in `root`, in document order.
 *
 * @example
 * duplicateKeys(parseJsonTree('{"a": 1, "a": 2}').root!)[0]?.key; // "a"
 */
export function duplicateKeys(root: JsonNode): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const walk = (node: JsonNode): void => {
    if (node.kind === "array") node.items.forEach(walk);
    if (node.kind !== "object") return;
    const seen = new Map<string, SourcePosition | undefined>();
    for (const entry of node.entries) {
      if (seen.has(entry.key)) {
        const first = seen.get(entry.key);
        found.push({
          key: entry.key,
          ...(entry.keyPosition ? { position: entry.keyPosition } : {}),
          ...(first ? { first } : {}),
        });
      } else seen.set(entry.key, entry.keyPosition);
      walk(entry.value);
    }
  };
  walk(root);
  return found;
}
