/**
 * The CloudFormation reader's entry point: text to a resolved template in
 * one call (parse, then resolve), with the diagnostics of both stages. A
 * text that cannot be read gives no resources and its diagnostics. A
 * caller may transform the parsed document before it is resolved (the
 * SAM transform, as CloudFormation runs it on CreateStack).
 */
import type { TemplateDiagnostic, TemplateDocument } from "../model.js";
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
  transform: (document: TemplateDocument) => TemplateTransform = (document) => ({
    document,
    diagnostics: [],
  }),
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
  const transformed = transform(parsed.document);
  const resolved = resolveTemplate(transformed.document, options);
  return {
    ...resolved,
    diagnostics: [...parsed.diagnostics, ...transformed.diagnostics, ...resolved.diagnostics],
  };
}

/** A transformed document and what the transform reported. */
export interface TemplateTransform {
  readonly document: TemplateDocument;
  readonly diagnostics: readonly TemplateDiagnostic[];
}
