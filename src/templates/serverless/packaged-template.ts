/**
 * The Serverless Framework's packaged template
 * (`.serverless/cloudformation-template-update-stack.json`, written by
 * `serverless package`): plain CloudFormation JSON, read by the
 * CloudFormation reader with positions and marked with origin `serverless`.
 * The custom resource functions the framework adds
 * (`CustomDashresourceDash…LambdaFunction`) are ordinary
 * `AWS::Lambda::Function` resources in it; {@link customResourceFunctions}
 * names them so checks can say which role the framework gave them.
 */
import { parseCloudFormation } from "../cfn/parse-template.js";
import type { TemplateDiagnostic, TemplateDocument } from "../model.js";
import { member } from "../sam/nodes.js";

/** The file name `serverless package` writes the stack template to. */
export const PACKAGED_TEMPLATE = "cloudformation-template-update-stack.json";

/**
 * Reads the packaged template text (CloudFormation JSON, origin `serverless`).
 *
 * @example
 * const { document } = readPackagedTemplate(".serverless/cloudformation-template-update-stack.json", text);
 */
export function readPackagedTemplate(
  file: string,
  text: string,
): { document?: TemplateDocument; diagnostics: readonly TemplateDiagnostic[] } {
  return parseCloudFormation(text, file, "serverless");
}

/**
 * Logical ids of the framework's custom resource functions
 * (`CustomDashresourceDashexistingDashs3LambdaFunction` and the like).
 *
 * @example
 * customResourceFunctions(document); // ["CustomDashresourceDashexistingDashs3LambdaFunction"]
 */
export function customResourceFunctions(document: TemplateDocument): string[] {
  const resources = member(document.root, "Resources");
  if (resources?.kind !== "object") return [];
  return resources.entries
    .filter((e) => {
      const type = member(e.value, "Type");
      return (
        /^CustomDashresourceDash.+LambdaFunction$/.test(e.key) &&
        type?.kind === "string" &&
        type.value === "AWS::Lambda::Function"
      );
    })
    .map((e) => e.key);
}
