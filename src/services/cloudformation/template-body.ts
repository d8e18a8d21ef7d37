/**
 * A `TemplateBody` as CloudFormation takes it: YAML or JSON text, read by
 * the CloudFormation reader, with the SAM transform applied when the
 * template declares `AWS::Serverless-2016-10-31` (as CloudFormation runs
 * the transform on CreateStack), then resolved with the stack's parameters
 * and pseudo parameters. The diagnostics of every stage are kept.
 */

import type { CloudFormationOptions } from "../../templates/cfn/options.js";
import type { CloudFormationTemplate } from "../../templates/cfn/outputs.js";
import { parseCloudFormation } from "../../templates/cfn/parse-template.js";
import { resolveTemplate } from "../../templates/cfn/resolve-template.js";
import { expandSam } from "../../templates/sam/transform.js";

/**
 * Reads a template body into a deployable template.
 *
 * @example
 * readTemplateBody(text, "stack.yaml", { stackName: "app" }).resources.length;
 */
export function readTemplateBody(
  text: string,
  file: string,
  options: CloudFormationOptions = {},
): CloudFormationTemplate {
  const parsed = parseCloudFormation(text, file);
  if (!parsed.document)
    return {
      file,
      origin: "cloudformation",
      resources: [],
      outputs: [],
      diagnostics: parsed.diagnostics,
    };
  const sam = expandSam(parsed.document);
  const resolved = resolveTemplate(sam.document, options);
  return {
    ...resolved,
    diagnostics: [...parsed.diagnostics, ...sam.diagnostics, ...resolved.diagnostics],
  };
}
