/**
 * The `Outputs` section: each output kept by its condition, its `Value` and
 * `Export.Name` checked once for bad references, then resolved lazily
 * against created resources, like resource properties.
 */
import { type JsonNode, member } from "../../formats/json-tree.js";
import type { SourcePosition } from "../../formats/position.js";
import type { DeployableTemplate, PhysicalLookup, ResolvedValue } from "../model.js";
import { NO_VALUE } from "./eval-types.js";
import { evaluate } from "./evaluate.js";
import { type Report, resourceContext, type Scope } from "./scope.js";
import { symbolic } from "./symbolic.js";

/** One stack output. */
export interface DeployableOutput {
  readonly name: string;
  readonly position?: SourcePosition;
  /** `Export.Name`, resolved without resources. */
  readonly exportName?: ResolvedValue;
  /** Resolves `Value` against resources that exist now. */
  value(lookup: PhysicalLookup): ResolvedValue;
}

/** A resolved CloudFormation template: the shared shape plus its outputs. */
export interface CloudFormationTemplate extends DeployableTemplate {
  readonly outputs: readonly DeployableOutput[];
}

/**
 * Reads the `Outputs` section.
 *
 * @example
 * readOutputs(section, scope, report)[0]?.value(lookup); // "arn:aws:iam::000000000000:role/x"
 */
export function readOutputs(
  section: JsonNode | undefined,
  scope: Scope,
  report: Report,
): DeployableOutput[] {
  const outputs: DeployableOutput[] = [];
  for (const { key: name, keyPosition, value: node } of section?.kind === "object"
    ? section.entries
    : []) {
    const valueNode = member(node, "Value");
    if (!valueNode) {
      report(
        "template-format",
        `Template format error: Every Outputs member must contain a Value object, the Outputs member ${name} is missing it`,
        keyPosition,
      );
      continue;
    }
    const condition = member(node, "Condition");
    if (
      condition?.kind === "string" &&
      scope.condition(condition.value, condition.position) === false
    )
      continue;
    const recording = resourceContext(scope, (id, _a, at) => symbolic(`Ref \`${id}\``, at), report);
    evaluate(valueNode, recording);
    const exportNode = member(member(node, "Export") ?? { kind: "null" }, "Name");
    const exportName = exportNode ? evaluate(exportNode, recording) : undefined;
    outputs.push({
      name,
      ...(keyPosition ? { position: keyPosition } : {}),
      ...(exportName !== undefined && exportName !== NO_VALUE ? { exportName } : {}),
      value(lookup) {
        const live = resourceContext(
          scope,
          (id, attr, at) =>
            lookup(id, attr) ?? symbolic(`\`${id}${attr ? `.${attr}` : ""}\` is not known yet`, at),
          () => {},
        );
        const value = evaluate(valueNode, live);
        return value === NO_VALUE ? null : value;
      },
    });
  }
  return outputs;
}
