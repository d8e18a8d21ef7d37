/**
 * Planning a stack update, shared by UpdateStack and CreateChangeSet: the
 * stack must be in a state that can be updated (`CREATE_COMPLETE`,
 * `UPDATE_COMPLETE`, `UPDATE_ROLLBACK_COMPLETE`, else CloudFormation's
 * "Stack:<id> is in <status> state and can not be updated."), the template
 * must read cleanly (an import of an export no stack has is refused here,
 * as CreateChangeSet refuses it), and then the resource changes are listed
 * (resource-changes.ts). Whether anything changes at all also counts the
 * parameters and outputs (see assumptions.ts).
 */
import { UNKNOWN_EXPORT_CODE } from "../../templates/cfn/imports.js";
import type { DeployableResource, DeployableTemplate } from "../../templates/model.js";
import { STACK_LEVEL_CHANGES_COUNT } from "./assumptions.js";
import { notUpdatable, validationError } from "./errors.js";
import type { Stack } from "./model.js";
import { creationOrder } from "./order.js";
import { type ResourceChange, resourceChanges, stackLookup } from "./resource-changes.js";
import { stackOutputs } from "./stack-outputs.js";
import { type OutputSource, templateError } from "./template-text.js";

/**
 * The statuses a stack can be updated from.
 *
 * @example
 * UPDATABLE_STATUSES.has("ROLLBACK_COMPLETE"); // false
 */
export const UPDATABLE_STATUSES: ReadonlySet<string> = new Set([
  "CREATE_COMPLETE",
  "UPDATE_COMPLETE",
  "UPDATE_ROLLBACK_COMPLETE",
]);

/** What an update is planned from. */
export interface UpdateSource {
  readonly template: DeployableTemplate;
  readonly parameters?: Readonly<Record<string, string>>;
  readonly outputs?: readonly OutputSource[];
}

/** A planned update. */
export interface UpdatePlan {
  /** The new template's resources in creation order. */
  readonly order: readonly DeployableResource[];
  readonly changes: readonly ResourceChange[];
  /** False when neither resources, parameters nor outputs would change. */
  readonly hasChanges: boolean;
}

/**
 * Plans updating `stack` to `source`, or throws CloudFormation's ValidationError.
 *
 * @example
 * planUpdate(stack, { template, outputs: template.outputs }).hasChanges; // false for the same template
 */
export function planUpdate(stack: Stack, source: UpdateSource): UpdatePlan {
  if (!UPDATABLE_STATUSES.has(stack.status)) throw notUpdatable(stack.stackId, stack.status);
  const problem = source.template.diagnostics.find((d) => d.severity === "error");
  if (problem)
    throw validationError(
      problem.code === UNKNOWN_EXPORT_CODE ? problem.message : templateError(problem),
    );
  const order = creationOrder(source.template.resources);
  const changes = resourceChanges(stack.resources, order);
  const outputs = stackOutputs(source.outputs ?? [], stackLookup(stack.resources));
  const stackLevel =
    STACK_LEVEL_CHANGES_COUNT &&
    (sortedJson(outputs.map((o) => [o.key, o.value, o.exportName ?? null])) !==
      sortedJson(stack.outputs.map((o) => [o.key, o.value, o.exportName ?? null])) ||
      sortedJson(Object.entries(source.parameters ?? {})) !==
        sortedJson(Object.entries(stack.parameters)));
  return { order, changes, hasChanges: changes.length > 0 || stackLevel };
}

function sortedJson(rows: readonly (readonly unknown[])[]): string {
  return JSON.stringify(rows.map((r) => JSON.stringify(r)).sort());
}
