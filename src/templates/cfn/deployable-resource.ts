/**
 * One resource made deployable: its dependencies are found by evaluating
 * its properties once with every resource reference recorded (so only the
 * `Fn::If` branches the conditions choose count, and every bad reference is
 * reported with its position), and its properties are evaluated again,
 * lazily, against the resources the deployer has created.
 */
import type { JsonNode } from "../../formats/json-tree.js";
import type { SourcePosition } from "../../formats/position.js";
import type { DeployableResource, PhysicalLookup, ResolvedValue } from "../model.js";
import { NO_VALUE } from "./eval-types.js";
import { evaluate } from "./evaluate.js";
import { positionAt } from "./position-of.js";
import type { ResourceEntry } from "./resource-entries.js";
import { type Report, resourceContext, type Scope } from "./scope.js";
import { symbolic } from "./symbolic.js";

/** A plain mapping result, `{}` for anything else (e.g. a `Symbolic` Properties). */
function asProperties(value: unknown): { readonly [key: string]: ResolvedValue } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  if ((value as { symbolic?: unknown }).symbolic === true) return {};
  return value as { readonly [key: string]: ResolvedValue };
}

function referenceName(logicalId: string, attribute: string | undefined): string {
  return attribute === undefined
    ? `Ref \`${logicalId}\``
    : `Fn::GetAtt \`${logicalId}.${attribute}\``;
}

/**
 * Builds the deployable form of `entry`, reporting what is wrong through `report`.
 *
 * @example
 * const resource = deployableResource(entry, scope, report);
 * resource.dependsOn; // ["Vpc", "Role"]
 * resource.properties((id, attr) => ids.get(id));
 */
export function deployableResource(
  entry: ResourceEntry,
  scope: Scope,
  report: Report,
): DeployableResource {
  const needs = new Set<string>();
  for (const { name, position } of entry.dependsOn) {
    if (scope.resources.get(name) === true) needs.add(name);
    else {
      report(
        "missing-ref",
        `Template format error: Unresolved resource dependencies [${name}] in the Resources block of the template`,
        position,
      );
    }
  }
  const recording = resourceContext(
    scope,
    (logicalId, attribute, position) => {
      needs.add(logicalId);
      return symbolic(referenceName(logicalId, attribute), position);
    },
    report,
  );
  if (entry.properties) evaluate(entry.properties, recording);
  const metadata = entry.metadata ? metadataOf(entry.metadata, scope, report) : undefined;
  const properties = entry.properties;
  return {
    logicalId: entry.logicalId,
    type: entry.type,
    dependsOn: [...needs],
    file: scope.file,
    ...(entry.position ? { position: entry.position } : {}),
    ...(metadata !== undefined ? { metadata } : {}),
    properties(lookup: PhysicalLookup) {
      if (!properties) return {};
      const live = resourceContext(
        scope,
        (logicalId, attribute, position) =>
          lookup(logicalId, attribute) ??
          symbolic(`${referenceName(logicalId, attribute)} is not known yet`, position),
        () => {},
      );
      return asProperties(evaluate(properties, live));
    },
    positionOf(path): SourcePosition | undefined {
      return (
        positionAt(properties, path, (name) => scope.condition(name, undefined)) ?? entry.position
      );
    },
  };
}

/** Metadata resolved without resources: a resource reference stays `Symbolic`. */
function metadataOf(node: JsonNode, scope: Scope, report: Report): ResolvedValue | undefined {
  const value = evaluate(
    node,
    resourceContext(scope, (id, attr, at) => symbolic(referenceName(id, attr), at), report),
  );
  return value === NO_VALUE ? undefined : value;
}
