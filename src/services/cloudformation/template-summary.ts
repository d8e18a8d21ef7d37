/**
 * GetTemplateSummary's parameters: the `Parameters` section of a template
 * body (given, or the one a stack was created or last updated with), each
 * with its type, default and description, as the AWS CLI's
 * `cloudformation deploy` reads them to decide which parameters can keep
 * their previous value. A stack without a kept body answers the
 * parameters it was given.
 */
import { member } from "../../formats/json-tree.js";
import { parameterText } from "../../templates/cfn/parameters.js";
import { parseCloudFormation } from "../../templates/cfn/parse-template.js";
import { validationError } from "./errors.js";
import type { Stack } from "./model.js";
import { templateError } from "./template-text.js";

/** One declared parameter (GetTemplateSummary `ParameterDeclaration`). */
export interface ParameterDeclaration {
  readonly key: string;
  readonly type: string;
  readonly defaultValue?: string;
  readonly description?: string;
}

/**
 * The parameters `body` declares, or a ValidationError when it cannot be read.
 *
 * @example
 * declaredParameters("Parameters:\n  Env: {Type: String, Default: dev}\nResources: …")[0]; // { key: "Env", type: "String", defaultValue: "dev" }
 */
export function declaredParameters(body: string): ParameterDeclaration[] {
  const parsed = parseCloudFormation(body, "TemplateBody");
  const problem = parsed.diagnostics.find((d) => d.severity === "error");
  if (problem || !parsed.document)
    throw validationError(problem ? templateError(problem) : "Template format error");
  const section = member(parsed.document.root, "Parameters");
  return (section?.kind === "object" ? section.entries : []).map(({ key, value }) => {
    const defaultValue = parameterText(member(value, "Default"));
    const description = parameterText(member(value, "Description"));
    return {
      key,
      type: parameterText(member(value, "Type")) ?? "String",
      ...(defaultValue === undefined ? {} : { defaultValue }),
      ...(description === undefined ? {} : { description }),
    };
  });
}

/**
 * The parameters of a stack's template.
 *
 * @example
 * stackParameterDeclarations(stack).map((p) => p.key); // ["Env"]
 */
export function stackParameterDeclarations(stack: Stack): ParameterDeclaration[] {
  if (stack.templateBody !== undefined) return declaredParameters(stack.templateBody);
  return Object.keys(stack.parameters).map((key) => ({ key, type: "String" }));
}
