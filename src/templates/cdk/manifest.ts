/**
 * A CDK cloud assembly's `manifest.json` (what `cdk synth` writes into
 * `cdk.out`): its artifacts of type `aws:cloudformation:stack` become stack
 * entries (template file, stack name, environment, the CloudFormation
 * execution role the bootstrap stack provides, dependencies), and nested
 * assemblies (`cdk:cloud-assembly`, one per CDK Stage) are named so the
 * loader can read them too. Assets, the construct tree and everything else
 * are ignored.
 */
import { type JsonNode, parseJsonTree } from "../../formats/json-tree.js";
import { at } from "../../formats/optional.js";
import type { SourcePosition } from "../../formats/position.js";
import type { TemplateDiagnostic } from "../model.js";
import { member } from "../sam/nodes.js";

/** One stack of a cloud assembly. */
export interface CdkStackArtifact {
  readonly artifactId: string;
  /** `properties.stackName`, else the artifact id (as the CDK defaults it). */
  readonly stackName: string;
  /** Relative to the assembly directory. */
  readonly templateFile: string;
  /** e.g. `aws://123456789012/us-east-1` or `aws://unknown-account/unknown-region`. */
  readonly environment?: string;
  /** The role CloudFormation deploys with (the bootstrap `cfn-exec-role`), as written. */
  readonly cloudFormationExecutionRoleArn?: string;
  readonly dependencies: readonly string[];
  readonly position?: SourcePosition;
}

/** What a manifest lists. */
export interface CdkManifest {
  readonly stacks: readonly CdkStackArtifact[];
  /** Directories (relative) of nested assemblies. */
  readonly nestedAssemblies: readonly string[];
  readonly diagnostics: readonly TemplateDiagnostic[];
}

/**
 * Reads `manifest.json` text.
 *
 * @example
 * readCdkManifest("cdk.out/manifest.json", text).stacks.map((s) => s.templateFile);
 */
export function readCdkManifest(file: string, text: string): CdkManifest {
  const parsed = parseJsonTree(text.replace(/^\uFEFF/, ""));
  const diagnostics: TemplateDiagnostic[] = [];
  if (parsed.error)
    diagnostics.push({
      severity: "error",
      code: "json-syntax",
      message: parsed.error.message,
      file,
      position: parsed.error.position,
    });
  const stacks: CdkStackArtifact[] = [];
  const nestedAssemblies: string[] = [];
  const invalid = (message: string, position: SourcePosition | undefined) =>
    diagnostics.push({
      severity: "error",
      code: "cdk-invalid-manifest",
      message,
      file,
      ...at(position),
    });
  const root = parsed.root;
  if (!root) return { stacks, nestedAssemblies, diagnostics };
  const artifacts = member(root, "artifacts");
  if (artifacts?.kind !== "object") {
    invalid("the manifest has no `artifacts` map", artifacts?.position ?? root.position);
    return { stacks, nestedAssemblies, diagnostics };
  }
  for (const { key, keyPosition, value } of artifacts.entries) {
    const type = stringOf(member(value, "type"));
    const properties = member(value, "properties");
    if (type === "cdk:cloud-assembly") {
      const directory = stringOf(member(properties, "directoryName"));
      if (directory) nestedAssemblies.push(directory);
      else invalid(`nested assembly \`${key}\` has no \`properties.directoryName\``, keyPosition);
      continue;
    }
    if (type !== "aws:cloudformation:stack") continue;
    const templateFile = stringOf(member(properties, "templateFile"));
    if (!templateFile) {
      invalid(`stack artifact \`${key}\` has no \`properties.templateFile\``, keyPosition);
      continue;
    }
    const environment = stringOf(member(value, "environment"));
    const role = stringOf(member(properties, "cloudFormationExecutionRoleArn"));
    const dependencies = member(value, "dependencies");
    stacks.push({
      artifactId: key,
      stackName: stringOf(member(properties, "stackName")) ?? key,
      templateFile,
      ...(environment ? { environment } : {}),
      ...(role ? { cloudFormationExecutionRoleArn: role } : {}),
      dependencies:
        dependencies?.kind === "array"
          ? dependencies.items.flatMap((d) => (d.kind === "string" ? [d.value] : []))
          : [],
      ...at(keyPosition),
    });
  }
  return { stacks, nestedAssemblies, diagnostics };
}

function stringOf(node: JsonNode | undefined): string | undefined {
  return node?.kind === "string" ? node.value : undefined;
}
