/**
 * The CloudFormation service role a Serverless Framework service deploys
 * with: `provider.iam.deploymentRole` (v3), or the older `provider.cfnRole`,
 * read from `serverless.yml` (or `serverless.json`) with its position. The
 * framework passes it to CloudFormation as the stack's role (aws-facts G5)
 * and, for its custom resource functions, as their execution role; with it,
 * the `provider.region` the stack goes to. A value built from Serverless
 * variables (`${ssm:…}`, `${self:…}`) cannot be known here and is kept
 * symbolic (a region built so is left out).
 */
import type { JsonNode } from "../../formats/json-tree.js";
import { parseJsonTree } from "../../formats/json-tree.js";
import { at } from "../../formats/optional.js";
import type { SourcePosition } from "../../formats/position.js";
import { parseYamlTree } from "../../formats/yaml-tree.js";
import type { Symbolic, TemplateDiagnostic } from "../model.js";
import { member } from "../sam/nodes.js";

/** The deployment role a service names, and where. */
export interface DeploymentRole {
  /** The role ARN, or a symbolic value when it uses Serverless variables. */
  readonly arn: string | Symbolic;
  /** Which setting named it. */
  readonly setting: "provider.iam.deploymentRole" | "provider.cfnRole";
  readonly file: string;
  readonly position?: SourcePosition;
}

/**
 * Reads the deployment role from a service file's text (`.json` files as
 * JSON, everything else as YAML).
 *
 * @example
 * const { deploymentRole } = readDeploymentRole("serverless.yml", text);
 * deploymentRole?.arn; // "arn:aws:iam::123456789012:role/deploy"
 */
export function readDeploymentRole(
  file: string,
  text: string,
): { deploymentRole?: DeploymentRole; region?: string; diagnostics: TemplateDiagnostic[] } {
  const parsed = file.endsWith(".json") ? parseJsonTree(text) : parseYamlTree(text);
  if (parsed.error || !parsed.root) {
    const message = parsed.error?.message ?? "empty file";
    const position = parsed.error?.position;
    return {
      diagnostics: [
        { severity: "error", code: "serverless-config-syntax", message, file, ...at(position) },
      ],
    };
  }
  const provider = member(parsed.root, "provider");
  const regionNode = member(provider, "region");
  const region =
    regionNode?.kind === "string" && !regionNode.value.includes("${")
      ? { region: regionNode.value }
      : {};
  const current = member(member(provider, "iam"), "deploymentRole");
  const legacy = member(provider, "cfnRole");
  const chosen = current ?? legacy;
  if (!chosen) return { ...region, diagnostics: [] };
  const setting = current ? "provider.iam.deploymentRole" : "provider.cfnRole";
  const diagnostics: TemplateDiagnostic[] = [];
  if (current && legacy)
    diagnostics.push({
      severity: "warning",
      code: "serverless-both-deployment-roles",
      message:
        "both `provider.iam.deploymentRole` and `provider.cfnRole` are set; accesslab uses `provider.iam.deploymentRole`",
      file,
      ...at(legacy.position),
    });
  const arn = roleValue(chosen, setting, file, diagnostics);
  if (arn === undefined) return { ...region, diagnostics };
  return { deploymentRole: { arn, setting, file, ...at(chosen.position) }, ...region, diagnostics };
}

function roleValue(
  node: JsonNode,
  setting: string,
  file: string,
  diagnostics: TemplateDiagnostic[],
): string | Symbolic | undefined {
  if (node.kind !== "string") {
    diagnostics.push({
      severity: "error",
      code: "serverless-invalid-deployment-role",
      message: `\`${setting}\` must be a role ARN string, found ${node.kind}`,
      file,
      ...at(node.position),
    });
    return undefined;
  }
  if (!node.value.includes("${")) return node.value;
  diagnostics.push({
    severity: "warning",
    code: "serverless-variable-unresolved",
    message: `\`${setting}\` is \`${node.value}\`, a Serverless variable accesslab cannot resolve; pass the role with \`--role-arn\``,
    file,
    ...at(node.position),
  });
  return {
    symbolic: true,
    description: `Serverless variable \`${node.value}\``,
    ...at(node.position),
  };
}
