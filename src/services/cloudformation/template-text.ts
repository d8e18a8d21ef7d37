/**
 * How template values become CloudFormation's text: a reading problem as
 * `Template format error: …` with where it is (`file:line:col`), and an
 * output value as the string DescribeStacks shows (lists joined with
 * commas as `Fn::Join` would, a value accesslab cannot know as its
 * description in angle brackets).
 */
import type { PhysicalLookup, ResolvedValue, TemplateDiagnostic } from "../../templates/model.js";
import { isSymbolic } from "../../templates/model.js";

/** An output as the CloudFormation reader gives it. */
export interface OutputSource {
  readonly name: string;
  /** `Export.Name`, resolved without resources. */
  readonly exportName?: ResolvedValue;
  value(lookup: PhysicalLookup): ResolvedValue;
}

/**
 * The ValidationError message for a reading problem.
 *
 * @example
 * templateError({ severity: "error", code: "yaml-syntax", message: "bad indent", file: "t.yaml", position: { line: 3, column: 2 } });
 * // "Template format error: bad indent (t.yaml:3:2)"
 */
export function templateError(d: TemplateDiagnostic): string {
  const text = d.message.startsWith("Template format error")
    ? d.message
    : `Template format error: ${d.message}`;
  const where = d.position ? `${d.file}:${d.position.line}:${d.position.column}` : d.file;
  return `${text} (${where})`;
}

/**
 * An output value as text.
 *
 * @example
 * outputText(["a", "b"]); // "a,b"
 */
export function outputText(value: ResolvedValue): string {
  if (value === null) return "";
  if (isSymbolic(value)) return `<${value.description}>`;
  if (Array.isArray(value)) return value.map(outputText).join(",");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
