/**
 * A `TemplateBody` as CloudFormation takes it: YAML or JSON text, read by
 * the CloudFormation reader, with the SAM transform applied when the
 * template declares `AWS::Serverless-2016-10-31` (as CloudFormation runs
 * the transform on CreateStack), then resolved with the stack's parameters
 * and pseudo parameters. The diagnostics of every stage are kept.
 */

import type { CloudFormationOptions } from "../../templates/cfn/options.js";
import type { CloudFormationTemplate } from "../../templates/cfn/outputs.js";
import { readCloudFormation } from "../../templates/cfn/read-cloudformation.js";
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
  return readCloudFormation(text, file, options, expandSam);
}
