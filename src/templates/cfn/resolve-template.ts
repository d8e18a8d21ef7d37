/**
 * A `TemplateDocument` resolved into a deployable template: the top-level
 * sections checked, parameters and pseudo parameters bound, conditions
 * evaluated (resources and outputs under a false condition dropped),
 * resources made deployable with their dependencies, and dependency cycles
 * reported; `Fn::ImportValue` resolves through `options.exports` when
 * given. Works on any document in CloudFormation form, so SAM and other
 * readers can transform a document and then resolve it here.
 */
import type { JsonNode } from "../../formats/json-tree.js";
import type { TemplateDiagnostic, TemplateDocument } from "../model.js";
import { DEFAULT_REGION, UNKNOWN_CONDITION_KEEPS_RESOURCES } from "./assumptions.js";
import { conditionLookup } from "./conditions.js";
import { findCycles } from "./cycles.js";
import { deployableResource } from "./deployable-resource.js";
import { diagnostic } from "./diagnostic.js";
import type { Evaluated } from "./eval-types.js";
import type { CloudFormationOptions } from "./options.js";
import { type CloudFormationTemplate, readOutputs } from "./outputs.js";
import { resolveParameters } from "./parameters.js";
import { pseudoParameters } from "./pseudo-parameters.js";
import { readResourceEntries } from "./resource-entries.js";
import type { Report, Scope } from "./scope.js";

const SECTIONS = new Set([
  "AWSTemplateFormatVersion",
  "Description",
  "Metadata",
  "Parameters",
  "Rules",
  "Mappings",
  "Conditions",
  "Transform",
  "Resources",
  "Outputs",
  "Hooks",
]);

/**
 * Resolves `document` for one stack.
 *
 * @example
 * const template = resolveTemplate(document, { parameters: { Env: "prod" } });
 * template.resources.map((r) => r.logicalId); // ["Vpc", "Subnet"]
 */
export function resolveTemplate(
  document: TemplateDocument,
  options: CloudFormationOptions = {},
): CloudFormationTemplate {
  const file = document.file;
  const diagnostics: TemplateDiagnostic[] = [];
  const reportFor =
    (logicalId?: string): Report =>
    (code, message, position) => {
      diagnostics.push(diagnostic(file, "error", code, message, { position, logicalId }));
    };
  const done = (): CloudFormationTemplate => ({
    file,
    origin: document.origin,
    resources,
    outputs,
    diagnostics,
  });
  let resources: CloudFormationTemplate["resources"] = [];
  let outputs: CloudFormationTemplate["outputs"] = [];
  const root = document.root;
  if (root.kind !== "object") {
    reportFor()(
      "template-format",
      "Template format error: a template must be a mapping",
      root.position,
    );
    return done();
  }
  const section = (key: string): JsonNode | undefined =>
    root.entries.find((e) => e.key === key)?.value;
  for (const entry of root.entries) {
    if (!SECTIONS.has(entry.key)) {
      reportFor()(
        "template-format",
        `Template format error: Invalid template property or properties [${entry.key}]`,
        entry.keyPosition,
      );
    }
  }
  const resourcesNode = section("Resources");
  if (!resourcesNode || (resourcesNode.kind === "object" && resourcesNode.entries.length === 0)) {
    reportFor()(
      "template-format",
      "Template format error: At least one Resources member must be defined.",
      resourcesNode?.position ?? root.position,
    );
  }
  const parameters = resolveParameters(section("Parameters"), options.parameters ?? {}, file);
  diagnostics.push(...parameters.diagnostics);
  const values = new Map<string, Evaluated>([...pseudoParameters(options), ...parameters.values]);
  const included = new Map<string, boolean>();
  const conditionsNode = section("Conditions");
  const scopeWith = (condition: Scope["condition"]): Scope => ({
    file,
    values,
    resources: included,
    mappings: section("Mappings"),
    region: options.region ?? DEFAULT_REGION,
    ...(options.exports ? { exports: options.exports } : {}),
    condition,
  });
  const condition = conditionLookup(conditionsNode, scopeWith, reportFor());
  const scope = scopeWith(condition);
  if (conditionsNode?.kind === "object") {
    for (const entry of conditionsNode.entries) condition(entry.key, entry.keyPosition);
  }
  const read = readResourceEntries(resourcesNode ?? { kind: "object", entries: [] }, file);
  diagnostics.push(...read.diagnostics);
  const seen = new Set<string>();
  const entries = read.entries.filter((e) => !seen.has(e.logicalId) && seen.add(e.logicalId));
  for (const entry of entries) {
    const decided = entry.condition
      ? condition(entry.condition.name, entry.condition.position)
      : true;
    const declared =
      conditionsNode?.kind === "object" &&
      conditionsNode.entries.some((c) => c.key === entry.condition?.name);
    if (typeof decided !== "boolean" && declared) {
      diagnostics.push(
        diagnostic(
          file,
          "warning",
          "symbolic-condition",
          `condition \`${entry.condition?.name}\` cannot be known locally (${decided.description}); \`${entry.logicalId}\` is ${UNKNOWN_CONDITION_KEEPS_RESOURCES ? "kept" : "dropped"}`,
          { position: entry.condition?.position, logicalId: entry.logicalId },
        ),
      );
    }
    included.set(
      entry.logicalId,
      typeof decided === "boolean" ? decided : UNKNOWN_CONDITION_KEEPS_RESOURCES,
    );
  }
  const kept = entries.filter((e) => included.get(e.logicalId) === true);
  resources = kept.map((entry) => deployableResource(entry, scope, reportFor(entry.logicalId)));
  outputs = readOutputs(section("Outputs"), scope, reportFor());
  const graph = new Map(resources.map((r) => [r.logicalId, r.dependsOn]));
  for (const cycle of findCycles(
    graph,
    kept.map((e) => e.logicalId),
  )) {
    const first = resources.find((r) => r.logicalId === cycle[0]);
    diagnostics.push(
      diagnostic(
        file,
        "error",
        "cycle",
        `Circular dependency between resources: [${cycle.join(", ")}]`,
        {
          position: first?.position,
          logicalId: first?.logicalId,
        },
      ),
    );
  }
  return done();
}
