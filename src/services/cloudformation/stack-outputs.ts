/**
 * A template's outputs as the stack keeps them once its resources exist:
 * each value resolved against the stack's resources and written as
 * DescribeStacks shows it, with its export name. Creation and updates use
 * it; an update also compares the result with the stack's outputs.
 */
import type { PhysicalLookup } from "../../templates/model.js";
import type { StackOutput } from "./model.js";
import { type OutputSource, outputText } from "./template-text.js";

/**
 * The outputs of `sources` over `lookup`.
 *
 * @example
 * stackOutputs(template.outputs, lookup)[0]; // { key: "RoleArn", value: "arn:aws:iam::…", exportName: "app-role" }
 */
export function stackOutputs(
  sources: readonly OutputSource[],
  lookup: PhysicalLookup,
): StackOutput[] {
  return sources.map((o) => ({
    key: o.name,
    value: outputText(o.value(lookup)),
    ...(o.exportName === undefined ? {} : { exportName: outputText(o.exportName) }),
  }));
}

/**
 * The export names `sources` declare.
 *
 * @example
 * exportNames(template.outputs); // ["app-role"]
 */
export function exportNames(sources: readonly OutputSource[]): string[] {
  return sources.flatMap((o) => (o.exportName === undefined ? [] : [outputText(o.exportName)]));
}
