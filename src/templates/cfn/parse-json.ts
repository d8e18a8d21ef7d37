/**
 * CloudFormation JSON into a positioned tree: strict JSON (the shared
 * `parseJsonTree`), with a syntax error as a diagnostic that makes the text
 * unreadable. Long-form intrinsics are already the JSON syntax, so nothing
 * is rewritten.
 */
import { parseJsonTree } from "../../formats/json-tree.js";
import { diagnostic } from "./diagnostic.js";
import type { ParsedTree } from "./parse-yaml.js";

/**
 * Parses CloudFormation JSON text.
 *
 * @example
 * parseCfnJson('{"Resources": {}}', "t.json").root?.kind; // "object"
 */
export function parseCfnJson(text: string, file: string): ParsedTree {
  const { root, error } = parseJsonTree(text);
  if (error || !root) {
    const message = error?.message ?? "expected a value";
    return {
      diagnostics: [
        diagnostic(file, "error", "json-syntax", message, {
          position: error?.position ?? { line: 1, column: 1 },
        }),
      ],
    };
  }
  return { root, diagnostics: [] };
}
