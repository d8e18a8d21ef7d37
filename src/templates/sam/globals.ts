/**
 * The `Globals` section of a SAM template: `Globals.Function` properties are
 * merged into every `AWS::Serverless::Function` the way the SAM transform's
 * globals plugin does it (samtranslator/plugins/globals/globals.py): the
 * local value wins for primitives, intrinsics and type mismatches; objects
 * merge key by key, recursively; lists concatenate, global items first,
 * without de-duplicating. A resource's `IgnoreGlobals` (`"*"` or a list of
 * property names) drops globals for that resource.
 */
import type { JsonEntry, JsonNode } from "../../formats/json-tree.js";
import { at } from "../../formats/optional.js";
import type { TemplateDiagnostic } from "../model.js";
import { isIntrinsic } from "./nodes.js";

/** The properties SAM accepts in `Globals.Function` (everything but Role, Policies, FunctionName, Events). */
export const FUNCTION_GLOBAL_PROPERTIES: readonly string[] = [
  "Handler",
  "Runtime",
  "CodeUri",
  "DeadLetterQueue",
  "Description",
  "MemorySize",
  "Timeout",
  "VpcConfig",
  "Environment",
  "Tags",
  "PropagateTags",
  "Tracing",
  "KmsKeyArn",
  "AutoPublishAlias",
  "AutoPublishAliasAllProperties",
  "Layers",
  "DeploymentPreference",
  "RolePath",
  "PermissionsBoundary",
  "ReservedConcurrentExecutions",
  "ProvisionedConcurrencyConfig",
  "AssumeRolePolicyDocument",
  "EventInvokeConfig",
  "FileSystemConfigs",
  "CodeSigningConfigArn",
  "Architectures",
  "SnapStart",
  "EphemeralStorage",
  "FunctionUrlConfig",
  "RuntimeManagementConfig",
  "LoggingConfig",
  "RecursiveLoop",
  "SourceKMSKeyArn",
];

/** The `Globals` sections SAM accepts (only `Function` affects accesslab). */
const SECTIONS = [
  "Api",
  "Function",
  "HttpApi",
  "LayerVersion",
  "SimpleTable",
  "StateMachine",
  "CapacityProvider",
];

/**
 * Reads `Globals.Function` from a SAM template root; problems become
 * `sam-invalid-globals` errors with SAM's own wording and the position.
 *
 * @example
 * const { functionGlobals, diagnostics } = readFunctionGlobals(doc.root, doc.file);
 */
export function readFunctionGlobals(
  root: JsonNode,
  file: string,
): { functionGlobals?: JsonNode; diagnostics: TemplateDiagnostic[] } {
  const diagnostics: TemplateDiagnostic[] = [];
  const globals =
    root.kind === "object" ? root.entries.find((e) => e.key === "Globals") : undefined;
  if (!globals) return { diagnostics };
  const invalid = (message: string, node: { position?: JsonNode["position"] } | undefined) =>
    diagnostics.push({
      severity: "error",
      code: "sam-invalid-globals",
      message: `'Globals' section is invalid. ${message}`,
      file,
      ...at(node?.position),
    });
  if (globals.value.kind !== "object") {
    invalid("It must be a non-empty dictionary", globals.value);
    return { diagnostics };
  }
  let functionGlobals: JsonNode | undefined;
  for (const section of globals.value.entries) {
    if (!SECTIONS.includes(section.key)) {
      invalid(`'${section.key}' is not supported`, { ...at(section.keyPosition) });
      continue;
    }
    if (section.value.kind !== "object") {
      invalid(`Value of '${section.key}' must be a dictionary`, section.value);
      continue;
    }
    if (section.key !== "Function") continue;
    const bad = section.value.entries.filter((e) => !FUNCTION_GLOBAL_PROPERTIES.includes(e.key));
    for (const e of bad)
      invalid(`'${e.key}' is not a supported property of 'Function'`, { ...at(e.keyPosition) });
    if (bad.length === 0) functionGlobals = section.value;
  }
  return { diagnostics, ...(functionGlobals ? { functionGlobals } : {}) };
}

/**
 * Drops the globals a resource's `IgnoreGlobals` names (`"*"` drops all).
 *
 * @example
 * withoutIgnored(functionGlobals, ignoreGlobalsNode);
 */
export function withoutIgnored(
  globals: JsonNode,
  ignore: JsonNode | undefined,
): JsonNode | undefined {
  if (!ignore || globals.kind !== "object") return globals;
  if (ignore.kind === "string" && ignore.value === "*") return undefined;
  if (ignore.kind !== "array") return globals;
  const names = ignore.items.flatMap((i) => (i.kind === "string" ? [i.value] : []));
  return { ...globals, entries: globals.entries.filter((e) => !names.includes(e.key)) };
}

/**
 * Merges a global value into a local one by SAM's rules; the result keeps
 * each node's own position (local nodes where local wins).
 *
 * @example
 * mergeGlobals(globalProperties, localProperties);
 */
export function mergeGlobals(global: JsonNode, local: JsonNode): JsonNode {
  const g = token(global);
  if (g !== token(local) || g === "primitive") return local;
  if (global.kind === "array" && local.kind === "array")
    return { ...local, items: [...global.items, ...local.items] };
  if (global.kind === "object" && local.kind === "object") {
    const entries: JsonEntry[] = [...global.entries];
    for (const entry of local.entries) {
      const index = entries.findIndex((e) => e.key === entry.key);
      const existing = entries[index];
      if (existing) entries[index] = { ...entry, value: mergeGlobals(existing.value, entry.value) };
      else entries.push(entry);
    }
    return { ...local, entries };
  }
  return local;
}

function token(node: JsonNode): "primitive" | "dict" | "list" {
  if (node.kind === "object") return isIntrinsic(node) ? "primitive" : "dict";
  return node.kind === "array" ? "list" : "primitive";
}
