/**
 * The CloudFormation reader's entry point: text to a resolved template in
 * one call (parse, then resolve), with the diagnostics of both stages. A
 * text that cannot be read gives no resources and its diagnostics.
 */
import type { CloudFormationOptions } from "./options.js";
import type { CloudFormationTemplate } from "./outputs.js";
import { parseCloudFormation } from "./parse-template.js";
import { resolveTemplate } from "./resolve-template.js";

/**
 * Reads and resolves a CloudFormation template (YAML or JSON).
 *
 * @example
 * const t = readCloudFormation(text, "stack.yaml", { parameters: { Env: "prod" } });
 * t.diagnostics; // [] when the template is sound
 */
export function readCloudFormation(
  text: string,
  file: string,
  options: CloudFormationOptions = {},
): CloudFormationTemplate {
  const parsed = parseCloudFormation(text, file);
  if (!parsed.document) {
    return {
      file,
      origin: "cloudformation",
      resources: [],
      outputs: [],
      diagnostics: parsed.diagnostics,
    };
  }
  const resolved = resolveTemplate(parsed.document, options);
  return { ...resolved, diagnostics: [...parsed.diagnostics, ...resolved.diagnostics] };
}
