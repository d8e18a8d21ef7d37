/**
 * The `Resources` section read for shape, before any evaluation: each
 * resource's logical id (alphanumeric), `Type`, `Properties`, `DependsOn`
 * (a name or a list), `Condition` and `Metadata`, with CloudFormation's
 * messages for what is malformed. A malformed resource is left out.
 */
import type { JsonNode } from "../../formats/json-tree.js";
import type { SourcePosition } from "../../formats/position.js";
import type { TemplateDiagnostic } from "../model.js";
import { diagnostic } from "./diagnostic.js";

/** A named reference written in the template. */
export interface Named {
  readonly name: string;
  readonly position: SourcePosition | undefined;
}

/** One well-formed resource declaration. */
export interface ResourceEntry {
  readonly logicalId: string;
  readonly position: SourcePosition | undefined;
  readonly type: string;
  readonly properties: JsonNode | undefined;
  readonly dependsOn: readonly Named[];
  readonly condition: Named | undefined;
  readonly metadata: JsonNode | undefined;
}

const ATTRIBUTES = new Set([
  "Type",
  "Properties",
  "DependsOn",
  "Condition",
  "Metadata",
  "DeletionPolicy",
  "UpdateReplacePolicy",
  "CreationPolicy",
  "UpdatePolicy",
  "Version",
]);

/**
 * Reads the `Resources` section.
 *
 * @example
 * readResourceEntries(section, "t.yaml").entries[0]?.type; // "AWS::EFS::FileSystem"
 */
export function readResourceEntries(
  section: JsonNode,
  file: string,
): { entries: ResourceEntry[]; diagnostics: TemplateDiagnostic[] } {
  const entries: ResourceEntry[] = [];
  const diagnostics: TemplateDiagnostic[] = [];
  if (section.kind !== "object") {
    diagnostics.push(
      diagnostic(
        file,
        "error",
        "template-format",
        "Template format error: Resources must be a mapping",
        {
          position: section.position,
        },
      ),
    );
    return { entries, diagnostics };
  }
  for (const { key: logicalId, keyPosition: position, value } of section.entries) {
    const fail = (message: string, at = position): void => {
      diagnostics.push(
        diagnostic(file, "error", "template-format", message, { position: at, logicalId }),
      );
    };
    if (logicalId.startsWith("Fn::ForEach::")) {
      fail(
        `\`${logicalId}\`: Fn::ForEach (AWS::LanguageExtensions) is not supported by accesslab yet`,
      );
      continue;
    }
    if (!/^[A-Za-z0-9]+$/.test(logicalId)) {
      fail(`Template format error: Resource name ${logicalId} is non alphanumeric.`);
      continue;
    }
    const field = (key: string) =>
      value.kind === "object" ? value.entries.find((e) => e.key === key) : undefined;
    const type = field("Type");
    if (type?.value.kind !== "string") {
      fail(
        `Template format error: [/Resources/${logicalId}] Every Resources object must contain a Type member.`,
      );
      continue;
    }
    const unknown =
      value.kind === "object" ? value.entries.find((e) => !ATTRIBUTES.has(e.key)) : undefined;
    if (unknown) fail(`Invalid template resource property '${unknown.key}'`, unknown.keyPosition);
    const properties = field("Properties")?.value;
    if (properties && properties.kind !== "object" && properties.kind !== "null") {
      fail(
        `Template format error: [/Resources/${logicalId}/Properties] must be a mapping`,
        properties.position,
      );
    }
    const dependsOn = names(field("DependsOn")?.value);
    if (dependsOn === undefined) {
      fail(
        `Template format error: DependsOn of ${logicalId} must be a resource name or a list of them`,
      );
    }
    const condition = field("Condition")?.value;
    if (condition && condition.kind !== "string") {
      fail(
        `Template format error: Condition of ${logicalId} must be a condition name`,
        condition.position,
      );
    }
    entries.push({
      logicalId,
      position,
      type: type.value.value,
      properties: properties?.kind === "object" ? properties : undefined,
      dependsOn: dependsOn ?? [],
      condition:
        condition?.kind === "string"
          ? { name: condition.value, position: condition.position }
          : undefined,
      metadata: field("Metadata")?.value,
    });
  }
  return { entries, diagnostics };
}

function names(node: JsonNode | undefined): Named[] | undefined {
  if (!node) return [];
  if (node.kind === "string") return [{ name: node.value, position: node.position }];
  if (node.kind !== "array") return undefined;
  const out: Named[] = [];
  for (const item of node.items) {
    if (item.kind !== "string") return undefined;
    out.push({ name: item.value, position: item.position });
  }
  return out;
}
