/**
 * Reading CloudFormation text of either syntax into a `TemplateDocument`:
 * text whose first non-blank character is `{` is JSON, anything else YAML
 * (as CloudFormation itself decides); repeated keys are reported for both.
 * A text that cannot be read at all gives diagnostics and no document.
 */
import type { TemplateDiagnostic, TemplateDocument, TemplateOrigin } from "../model.js";
import { diagnostic } from "./diagnostic.js";
import { duplicateKeys } from "./duplicate-keys.js";
import { parseCfnJson } from "./parse-json.js";
import { parseCfnYaml } from "./parse-yaml.js";

/** A document when the text could be read, and every diagnostic found. */
export interface ParsedTemplate {
  readonly document?: TemplateDocument;
  readonly diagnostics: readonly TemplateDiagnostic[];
}

/**
 * True when `text` is to be read as JSON.
 *
 * @example
 * looksLikeJson('  {"Resources": {}}'); // true
 */
export function looksLikeJson(text: string): boolean {
  return /^\s*\{/.test(text.replace(/^\uFEFF/, ""));
}

/**
 * Parses a CloudFormation template (YAML or JSON).
 *
 * @example
 * const { document, diagnostics } = parseCloudFormation("Resources: {}\n", "t.yaml");
 */
export function parseCloudFormation(
  text: string,
  file: string,
  origin: TemplateOrigin = "cloudformation",
): ParsedTemplate {
  const clean = text.replace(/^\uFEFF/, "");
  const parsed = looksLikeJson(clean) ? parseCfnJson(clean, file) : parseCfnYaml(clean, file);
  if (!parsed.root) return { diagnostics: parsed.diagnostics };
  const duplicates = duplicateKeys(parsed.root).map((d) =>
    diagnostic(
      file,
      "error",
      "duplicate-key",
      `duplicate key \`${d.key}\`${d.first ? ` (first at ${d.first.line}:${d.first.column})` : ""}`,
      { position: d.position },
    ),
  );
  return {
    document: { file, origin, root: parsed.root },
    diagnostics: [...parsed.diagnostics, ...duplicates],
  };
}
