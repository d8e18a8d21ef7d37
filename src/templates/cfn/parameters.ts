/**
 * The `Parameters` section: each parameter's value from an override
 * (`--parameter Key=Value`) or its `Default`, checked against its `Type`,
 * `AllowedValues`, `AllowedPattern`, `MinLength`/`MaxLength` and
 * `MinValue`/`MaxValue` with CloudFormation's messages. `Ref` to a parameter
 * gives a string (also for `Number`), or a list for `List<…>` and
 * `CommaDelimitedList`; `AWS::SSM::Parameter::Value<…>` parameters stay
 * `Symbolic`, since only the account's Parameter Store knows them.
 */
import { type JsonNode, member } from "../../formats/json-tree.js";
import type { TemplateDiagnostic } from "../model.js";
import { diagnostic } from "./diagnostic.js";
import type { Evaluated } from "./eval-types.js";
import { symbolic } from "./symbolic.js";

/** Parameter values by name, and what was wrong. */
export interface ResolvedParameters {
  readonly values: ReadonlyMap<string, Evaluated>;
  readonly diagnostics: readonly TemplateDiagnostic[];
}

const PLAIN_TYPES = new Set(["String", "Number", "List<Number>", "CommaDelimitedList"]);

/**
 * A parameter's scalar as CloudFormation writes it: strings as they are,
 * numbers and booleans as text, lists joined with commas.
 *
 * @example
 * parameterText(jsonNodeFromValue(["a", "b"])); // "a,b"
 */
export function parameterText(node: JsonNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.kind === "string") return node.value;
  if (node.kind === "number" || node.kind === "boolean") return String(node.value);
  if (node.kind === "array") return node.items.map(parameterText).join(",");
  return undefined;
}

/**
 * Resolves the `Parameters` section.
 *
 * @example
 * resolveParameters(section, { Env: "prod" }, "t.yaml").values.get("Env"); // "prod"
 */
export function resolveParameters(
  section: JsonNode | undefined,
  overrides: Readonly<Record<string, string>>,
  file: string,
): ResolvedParameters {
  const values = new Map<string, Evaluated>();
  const diagnostics: TemplateDiagnostic[] = [];
  const entries = section?.kind === "object" ? section.entries : [];
  const declared = new Set(entries.map((e) => e.key));
  for (const name of Object.keys(overrides)) {
    if (!declared.has(name)) {
      diagnostics.push(
        diagnostic(
          file,
          "error",
          "parameter",
          `Parameters: [${name}] do not exist in the template`,
        ),
      );
    }
  }
  for (const { key: name, keyPosition, value: node } of entries) {
    const fail = (message: string): void => {
      diagnostics.push(diagnostic(file, "error", "parameter", message, { position: keyPosition }));
    };
    const type = parameterText(member(node, "Type"));
    if (node.kind !== "object" || type === undefined) {
      fail(`Template format error: Every Parameters object must contain a Type member.`);
      continue;
    }
    const isList = type.startsWith("List<") || type === "CommaDelimitedList";
    if (
      !PLAIN_TYPES.has(type) &&
      !/^(List<)?AWS::[A-Za-z0-9:]+(<[A-Za-z0-9:<>]+>)?>?$/.test(type)
    ) {
      fail(`Template format error: Unrecognized parameter type: ${type}`);
      continue;
    }
    const value = Object.hasOwn(overrides, name)
      ? overrides[name]
      : parameterText(member(node, "Default"));
    if (value === undefined) {
      fail(`Parameters: [${name}] must have values`);
      values.set(name, symbolic(`parameter \`${name}\` has no value`, keyPosition));
      continue;
    }
    if (type.startsWith("AWS::SSM::Parameter::Value<")) {
      values.set(name, symbolic(`SSM parameter \`${value}\` (${type})`, keyPosition));
      continue;
    }
    const items = isList ? value.split(",") : [value];
    const problem = items
      .map((item) => checkValue(name, item, type === "Number" || type === "List<Number>", node))
      .find((p) => p !== undefined);
    if (problem) fail(problem);
    values.set(name, isList ? items : value);
  }
  return { values, diagnostics };
}

function checkValue(
  name: string,
  value: string,
  numeric: boolean,
  node: JsonNode,
): string | undefined {
  const allowed = member(node, "AllowedValues");
  if (allowed?.kind === "array" && !allowed.items.some((item) => parameterText(item) === value)) {
    return `Parameter '${name}' must be one of AllowedValues`;
  }
  const pattern = parameterText(member(node, "AllowedPattern"));
  if (pattern !== undefined && !matchesWhole(pattern, value)) {
    return `Parameter '${name}' must match pattern ${pattern}`;
  }
  const bound = (key: string): number | undefined => {
    const raw = parameterText(member(node, key));
    return raw === undefined ? undefined : Number(raw);
  };
  const minLength = bound("MinLength");
  const maxLength = bound("MaxLength");
  if (minLength !== undefined && value.length < minLength) {
    return `Parameter '${name}' must contain at least ${minLength} characters`;
  }
  if (maxLength !== undefined && value.length > maxLength) {
    return `Parameter '${name}' must contain at most ${maxLength} characters`;
  }
  if (!numeric) return undefined;
  const number = Number(value);
  if (value.trim() === "" || Number.isNaN(number)) return `Parameter '${name}' must be a number`;
  const min = bound("MinValue");
  const max = bound("MaxValue");
  if (min !== undefined && number < min)
    return `Parameter '${name}' must be a number not less than ${min}`;
  if (max !== undefined && number > max)
    return `Parameter '${name}' must be a number not greater than ${max}`;
  return undefined;
}

/** AllowedPattern matches the whole value; a malformed pattern matches nothing. */
function matchesWhole(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, "u").test(value);
  } catch {
    return false;
  }
}
