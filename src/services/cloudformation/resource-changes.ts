/**
 * What an update would change, as a change set lists it: each resource of
 * the new template that the stack lacks is `Add`; each the stack has whose
 * properties, resolved against the stack's resources, differ from the ones
 * it was created with is `Modify` (`Replacement: True`, or `False` for a
 * type updated in place, see assumptions.ts), as is a resource that
 * refers to a replaced one (`Replacement: Conditional`: whether it changes
 * is known only once the new physical id exists); each the template no
 * longer has is `Remove`. A resource whose type changed is CloudFormation's
 * ValidationError.
 */
import type { DeployableResource, PhysicalLookup } from "../../templates/model.js";
import { MODIFIED_RESOURCE_REPLACEMENT } from "./assumptions.js";
import { validationError } from "./errors.js";
import { fingerprint } from "./fingerprint.js";
import type { StackResource } from "./model.js";
import { handlerFor } from "./resources/index.js";

/** One change (DescribeChangeSet `ResourceChange`). */
export interface ResourceChange {
  readonly action: "Add" | "Modify" | "Remove";
  readonly logicalId: string;
  /** The current physical id (Modify, Remove). */
  readonly physicalId?: string;
  readonly type: string;
  /** Modify only. */
  readonly replacement?: "True" | "False" | "Conditional";
}

/**
 * A lookup over a stack's resources (physical ids and attributes).
 *
 * @example
 * stackLookup(stack.resources)("Role", "Arn"); // "arn:aws:iam::000000000000:role/app-Role-…"
 */
export function stackLookup(resources: readonly StackResource[]): PhysicalLookup {
  const byId = new Map(resources.map((r) => [r.logicalId, r]));
  return (logicalId, attribute) => {
    const r = byId.get(logicalId);
    if (!r) return undefined;
    return attribute === undefined ? r.physicalId : r.attributes[attribute];
  };
}

/**
 * True when `resource`, resolved with `lookup`, differs from what `current` was made with.
 *
 * @example
 * propertiesChanged(resource, current, lookup); // false for an unchanged template
 */
export function propertiesChanged(
  resource: DeployableResource,
  current: StackResource,
  lookup: PhysicalLookup,
): boolean {
  if (current.properties === undefined) return false;
  return fingerprint(resource.properties(lookup)) !== current.properties;
}

/**
 * The changes from `current` (the stack's resources) to `next` (the new
 * template's, in creation order).
 *
 * @example
 * resourceChanges(stack.resources, order).map((c) => c.action); // ["Add", "Modify", "Remove"]
 */
export function resourceChanges(
  current: readonly StackResource[],
  next: readonly DeployableResource[],
): ResourceChange[] {
  const byId = new Map(current.map((r) => [r.logicalId, r]));
  const retyped = next.filter((r) => {
    const old = byId.get(r.logicalId);
    return old !== undefined && old.type !== r.type;
  });
  if (retyped.length > 0)
    throw validationError(
      `Update of resource type is not permitted. The new template modifies resource type of the following resources: [${retyped.map((r) => r.logicalId).join(", ")}]`,
    );
  const lookup = stackLookup(current);
  const replaced = new Set<string>();
  const changes: ResourceChange[] = [];
  for (const resource of next) {
    const { logicalId, type } = resource;
    const old = byId.get(logicalId);
    if (!old) {
      changes.push({ action: "Add", logicalId, type });
      continue;
    }
    const inPlace = handlerFor(type).update !== undefined;
    const physicalId = old.physicalId;
    if (propertiesChanged(resource, old, lookup)) {
      const replacement = inPlace ? "False" : MODIFIED_RESOURCE_REPLACEMENT;
      changes.push({ action: "Modify", logicalId, physicalId, type, replacement });
      if (replacement === "True") replaced.add(logicalId);
    } else if (resource.dependsOn.some((d) => replaced.has(d))) {
      changes.push({ action: "Modify", logicalId, physicalId, type, replacement: "Conditional" });
      if (!inPlace) replaced.add(logicalId);
    }
  }
  const kept = new Set(next.map((r) => r.logicalId));
  for (const old of [...current].reverse())
    if (!kept.has(old.logicalId))
      changes.push({
        action: "Remove",
        logicalId: old.logicalId,
        physicalId: old.physicalId,
        type: old.type,
      });
  return changes;
}
