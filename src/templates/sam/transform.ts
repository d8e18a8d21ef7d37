/**
 * The SAM transform (`Transform: AWS::Serverless-2016-10-31`) for what
 * accesslab's checks need: a document in, a document out. Each
 * `AWS::Serverless::Function` (with `Globals.Function` merged in) becomes an
 * `AWS::Lambda::Function` plus, without a `Role`, its generated
 * `<LogicalId>Role`; other resources are carried over untouched, other SAM
 * types are left out with a warning, and `Globals` and the SAM transform
 * are removed. Intrinsics stay as written: the CloudFormation resolver runs
 * afterwards. Nothing here throws on bad input; problems are diagnostics.
 */
import type { JsonEntry, JsonNode } from "../../formats/json-tree.js";
import { at } from "../../formats/optional.js";
import type { SourcePosition } from "../../formats/position.js";
import type { TemplateDiagnostic, TemplateDocument } from "../model.js";
import { codeLocation } from "./code-uri.js";
import { readEvents, type SamEvent } from "./events.js";
import { executionRole } from "./execution-role.js";
import { mergeGlobals, readFunctionGlobals, withoutIgnored } from "./globals.js";
import { lambdaFunction } from "./lambda-function.js";
import { member } from "./nodes.js";
import {
  FUNCTION_PROPERTIES_NOT_MODELLED,
  KNOWN_NOT_MODELLED,
  SAM_FUNCTION,
  SAM_TRANSFORM,
} from "./resource-types.js";
import { rolePolicies } from "./role-policies.js";

/** A function whose code is a local path, not uploaded yet. */
export interface LocalCode {
  readonly logicalId: string;
  readonly path: string;
  readonly position?: SourcePosition;
}

/** The expanded template and what expanding it found. */
export interface SamTransformResult {
  readonly document: TemplateDocument;
  readonly diagnostics: readonly TemplateDiagnostic[];
  readonly events: readonly SamEvent[];
  readonly localCode: readonly LocalCode[];
}

/**
 * True when the document declares the SAM transform.
 *
 * @example
 * if (isSamTemplate(doc)) doc = expandSam(doc).document;
 */
export function isSamTemplate(doc: TemplateDocument): boolean {
  const transform = member(doc.root, "Transform");
  if (transform?.kind === "string") return transform.value === SAM_TRANSFORM;
  return (
    transform?.kind === "array" &&
    transform.items.some((i) => i.kind === "string" && i.value === SAM_TRANSFORM)
  );
}

/**
 * Expands a SAM document (origin `sam`); other documents come back as they are.
 *
 * @example
 * const { document, diagnostics } = expandSam(doc);
 */
export function expandSam(doc: TemplateDocument): SamTransformResult {
  if (!isSamTemplate(doc) || doc.root.kind !== "object")
    return { document: doc, diagnostics: [], events: [], localCode: [] };
  const { file } = doc;
  const globals = readFunctionGlobals(doc.root, file);
  const diagnostics: TemplateDiagnostic[] = [...globals.diagnostics];
  const events: SamEvent[] = [];
  const localCode: LocalCode[] = [];
  const resourcesNode = member(doc.root, "Resources");
  const taken = new Set(
    resourcesNode?.kind === "object" ? resourcesNode.entries.map((e) => e.key) : [],
  );
  const expandResource = (entry: JsonEntry): JsonEntry[] => {
    const logicalId = entry.key;
    const typeNode = member(entry.value, "Type");
    const type = typeNode?.kind === "string" ? typeNode.value : "";
    const position = entry.value.position ?? entry.keyPosition;
    const report = (severity: "error" | "warning", code: string, message: string) =>
      diagnostics.push({ severity, code, message, file, logicalId, ...at(position) });
    if (!type.startsWith("AWS::Serverless::")) return [entry];
    if (type !== SAM_FUNCTION) {
      if (KNOWN_NOT_MODELLED.has(type))
        report(
          "warning",
          "sam-resource-not-modelled",
          `\`${type}\` \`${logicalId}\` is not modelled by accesslab and is left out`,
        );
      else
        report(
          "warning",
          "sam-unknown-resource-type",
          `unknown SAM resource type \`${type}\` for \`${logicalId}\`; it is left out`,
        );
      return [];
    }
    const own = member(entry.value, "Properties") ?? {
      kind: "object",
      entries: [],
      ...at(position),
    };
    if (own.kind !== "object") {
      report(
        "error",
        "sam-invalid-resource",
        `\`Properties\` of \`${logicalId}\` must be a map, found ${own.kind}`,
      );
      return [];
    }
    const global =
      globals.functionGlobals &&
      withoutIgnored(globals.functionGlobals, member(entry.value, "IgnoreGlobals"));
    const properties = global ? mergeGlobals(global, own) : own;
    for (const name of FUNCTION_PROPERTIES_NOT_MODELLED)
      if (member(properties, name))
        report(
          "warning",
          "sam-property-not-modelled",
          `\`${name}\` of \`${logicalId}\` is not modelled: accesslab creates none of the resources SAM generates for it`,
        );
    const code = codeLocation(properties, position);
    if (code.localPath !== undefined)
      localCode.push({ logicalId, path: code.localPath, ...at(position) });
    const fnEvents = readEvents(properties, logicalId, file);
    events.push(...fnEvents.events);
    diagnostics.push(...fnEvents.diagnostics);
    const fn: JsonEntry = {
      key: logicalId,
      ...(entry.keyPosition ? { keyPosition: entry.keyPosition } : {}),
      value: lambdaFunction({ logicalId, resource: entry.value, properties, code, position }),
    };
    if (member(properties, "Role")) {
      if (member(properties, "Policies"))
        report(
          "warning",
          "sam-policies-ignored",
          `\`Policies\` of \`${logicalId}\` are ignored because it sets \`Role\``,
        );
      return [fn];
    }
    const roleId = `${logicalId}Role`;
    if (taken.has(roleId)) {
      report(
        "error",
        "sam-logical-id-clash",
        `the generated role \`${roleId}\` clashes with a resource of the same logical id`,
      );
      return [fn];
    }
    const policies = rolePolicies(member(properties, "Policies"), logicalId, file);
    diagnostics.push(...policies.diagnostics);
    const condition = member(entry.value, "Condition");
    const role = executionRole({
      properties,
      policies,
      eventPolicies: fnEvents.policies,
      position,
      ...(condition ? { condition } : {}),
    });
    return [
      fn,
      {
        key: roleId,
        ...(entry.keyPosition ? { keyPosition: entry.keyPosition } : {}),
        value: role,
      },
    ];
  };
  const entries: JsonEntry[] = [];
  for (const entry of doc.root.entries) {
    if (entry.key === "Globals") continue;
    if (entry.key === "Transform") {
      const rest = withoutSamTransform(entry.value);
      if (rest) entries.push({ ...entry, value: rest });
      continue;
    }
    if (entry.key === "Resources" && entry.value.kind === "object") {
      entries.push({
        ...entry,
        value: { ...entry.value, entries: entry.value.entries.flatMap(expandResource) },
      });
      continue;
    }
    entries.push(entry);
  }
  return {
    document: { file, origin: "sam", root: { ...doc.root, entries } },
    diagnostics,
    events,
    localCode,
  };
}

/** The `Transform` value without the SAM transform, or `undefined` when nothing is left. */
function withoutSamTransform(node: JsonNode): JsonNode | undefined {
  if (node.kind === "string") return node.value === SAM_TRANSFORM ? undefined : node;
  if (node.kind !== "array") return node;
  const items = node.items.filter((i) => !(i.kind === "string" && i.value === SAM_TRANSFORM));
  return items.length > 0 ? { ...node, items } : undefined;
}
