/**
 * The names a template defines, and the evaluation contexts built on them:
 * one for resource properties and outputs (a resource reference goes to a
 * callback, so the same evaluator both records dependencies and, later,
 * resolves against created resources), and one for the `Conditions`
 * section, where resources cannot be referenced at all.
 */
import type { JsonNode } from "../../formats/json-tree.js";
import type { SourcePosition } from "../../formats/position.js";
import type { Symbolic } from "../model.js";
import type { EvalContext, Evaluated } from "./eval-types.js";
import type { ExportLookup } from "./imports.js";
import { symbolic } from "./symbolic.js";

/** Everything a reference can name. */
export interface Scope {
  readonly file: string;
  /** Parameters and pseudo parameters. */
  readonly values: ReadonlyMap<string, Evaluated>;
  /** Every declared resource: true when its condition keeps it. */
  readonly resources: ReadonlyMap<string, boolean>;
  readonly mappings: JsonNode | undefined;
  readonly region: string;
  /** Other stacks' exports, when the caller knows them. */
  readonly exports?: ExportLookup;
  condition(name: string, position: SourcePosition | undefined): boolean | Symbolic;
}

/** Answers a reference to a resource that exists in the stack. */
export type ResourceReference = (
  logicalId: string,
  attribute: string | undefined,
  position: SourcePosition | undefined,
) => Evaluated;

/** Records an error. */
export type Report = (code: string, message: string, position: SourcePosition | undefined) => void;

/**
 * The context for resource properties, metadata and outputs.
 *
 * @example
 * evaluate(node, resourceContext(scope, (id) => symbolic(`Ref \`${id}\``), report));
 */
export function resourceContext(
  scope: Scope,
  onResource: ResourceReference,
  report: Report,
): EvalContext {
  const unresolved = (name: string, position: SourcePosition | undefined): Symbolic =>
    missingRef(
      report,
      `Template format error: Unresolved resource dependencies [${name}] in the Resources block of the template`,
      position,
    );
  return {
    mappings: scope.mappings,
    region: scope.region,
    ...(scope.exports ? { exports: scope.exports } : {}),
    inConditions: false,
    report,
    condition: (name, position) => scope.condition(name, position),
    ref(name, position) {
      const value = scope.values.get(name);
      if (value !== undefined) return value;
      if (scope.resources.get(name) === true) return onResource(name, undefined, position);
      return unresolved(name, position);
    },
    getAtt(logicalId, attribute, position) {
      if (scope.resources.get(logicalId) === true)
        return onResource(logicalId, attribute, position);
      if (scope.resources.has(logicalId)) return unresolved(logicalId, position);
      return missingRef(
        report,
        `Template error: instance of Fn::GetAtt references undefined resource ${logicalId}`,
        position,
      );
    },
  };
}

/**
 * The context for the `Conditions` section.
 *
 * @example
 * evaluate(conditionNode, conditionContext(scope, report)); // true, false or Symbolic
 */
export function conditionContext(scope: Scope, report: Report): EvalContext {
  const noResources = (name: string, position: SourcePosition | undefined): Symbolic =>
    missingRef(
      report,
      `Template format error: Unresolved dependencies [${name}]. Cannot reference resources in the Conditions block of the template`,
      position,
    );
  return {
    mappings: scope.mappings,
    region: scope.region,
    ...(scope.exports ? { exports: scope.exports } : {}),
    inConditions: true,
    report,
    condition: (name, position) => scope.condition(name, position),
    ref: (name, position) => scope.values.get(name) ?? noResources(name, position),
    getAtt: (logicalId, _attribute, position) => noResources(logicalId, position),
  };
}

/** Reports a reference to nothing and stands in for its value. */
function missingRef(report: Report, message: string, position?: SourcePosition): Symbolic {
  report("missing-ref", message, position);
  return symbolic(message, position);
}
