/**
 * The order CloudFormation creates resources in: every resource after the
 * resources it depends on, otherwise in template order. A dependency on a
 * logical id the template does not declare, or a cycle, is CloudFormation's
 * template `ValidationError` ("Template format error: Unresolved resource
 * dependencies [X] in the Resources block of the template", "Circular
 * dependency between resources: [A, B]").
 */
import type { DeployableResource } from "../../templates/model.js";
import { validationError } from "./errors.js";

/**
 * The resources in creation order, or a ValidationError.
 *
 * @example
 * creationOrder([fn, role]).map((r) => r.logicalId); // ["Role", "Fn"] when Fn depends on Role
 */
export function creationOrder(resources: readonly DeployableResource[]): DeployableResource[] {
  const byId = new Map(resources.map((r) => [r.logicalId, r]));
  const missing = [...new Set(resources.flatMap((r) => r.dependsOn.filter((d) => !byId.has(d))))];
  if (missing.length > 0)
    throw validationError(
      `Template format error: Unresolved resource dependencies [${missing.join(", ")}] in the Resources block of the template`,
    );
  const placed = new Set<string>();
  const order: DeployableResource[] = [];
  let remaining = [...resources];
  while (remaining.length > 0) {
    const ready = remaining.filter((r) => r.dependsOn.every((d) => placed.has(d)));
    if (ready.length === 0)
      throw validationError(
        `Circular dependency between resources: [${remaining.map((r) => r.logicalId).join(", ")}]`,
      );
    for (const r of ready) {
      placed.add(r.logicalId);
      order.push(r);
    }
    remaining = remaining.filter((r) => !placed.has(r.logicalId));
  }
  return order;
}
