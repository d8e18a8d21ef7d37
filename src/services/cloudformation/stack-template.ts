/**
 * A template body read for a stack of this account and region: as
 * template-body.ts reads it, with `Fn::ImportValue` resolved against the
 * exports of the live stacks, and the export names it imported, which the
 * stack keeps so the exporting stacks cannot be deleted under it.
 */
import type { CloudFormationOptions } from "../../templates/cfn/options.js";
import type { CloudFormationTemplate } from "../../templates/cfn/outputs.js";
import type { ServiceContext } from "../context.js";
import { exportLookup } from "./exports.js";
import { readTemplateBody } from "./template-body.js";

/** A template read for CreateStack, and the exports it imports. */
export interface StackTemplate {
  readonly template: CloudFormationTemplate;
  readonly imports: readonly string[];
}

/**
 * Reads `text` with the account's exports.
 *
 * @example
 * readStackTemplate(ctx, body, "TemplateBody", { stackName: "app" }).imports; // ["accesslab-demo-SubnetA"]
 */
export function readStackTemplate(
  ctx: ServiceContext,
  text: string,
  file: string,
  options: Omit<CloudFormationOptions, "exports"> = {},
): StackTemplate {
  const { lookup, used } = exportLookup(ctx);
  const template = readTemplateBody(text, file, { ...options, exports: lookup });
  return { template, imports: [...used] };
}
