/**
 * Test helpers for the CloudFormation reader: read a template from text,
 * resolve one resource's properties against a fake physical lookup, and
 * wrap a single property value in a minimal template.
 */
import type { PhysicalLookup, ResolvedValue } from "../model.js";
import type { CloudFormationOptions } from "./options.js";
import type { CloudFormationTemplate } from "./outputs.js";
import { readCloudFormation } from "./read-cloudformation.js";

/** A lookup that answers `id-<logicalId>` and `<logicalId>.<attribute>`. */
export const fakeLookup: PhysicalLookup = (id, attribute) =>
  attribute === undefined ? `id-${id}` : `${id}.${attribute}`;

/**
 * Reads `text` as `t.yaml` (or `t.json` when it starts with `{`).
 *
 * @example
 * const t = read("Resources:\n  A: {Type: X}\n");
 */
export function read(text: string, options: CloudFormationOptions = {}): CloudFormationTemplate {
  return readCloudFormation(text, text.trimStart().startsWith("{") ? "t.json" : "t.yaml", options);
}

/**
 * The resolved properties of `logicalId`.
 *
 * @example
 * propertiesOf(read(text), "A"); // { Name: "x" }
 */
export function propertiesOf(
  template: CloudFormationTemplate,
  logicalId: string,
  lookup: PhysicalLookup = fakeLookup,
): { readonly [key: string]: ResolvedValue } {
  const resource = template.resources.find((r) => r.logicalId === logicalId);
  if (!resource) throw new Error(`no resource ${logicalId}`);
  return resource.properties(lookup);
}

/** A YAML template header shared by the intrinsic tests (parameters, mappings, conditions, resources). */
export const HEADER = `Parameters:
  Env: {Type: String, Default: prod}
  Subnets: {Type: CommaDelimitedList, Default: "a,b,c"}
Mappings:
  Sizes:
    us-east-1: {Small: "1", Big: "8"}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
Resources:
  Role: {Type: AWS::IAM::Role}
`;

/**
 * Resolves one property value written in YAML (after `Value: `) inside a
 * resource `T` under {@link HEADER}.
 *
 * @example
 * resolveYamlValue("!Ref Env"); // "prod"
 */
export function resolveYamlValue(
  yaml: string,
  options: CloudFormationOptions = {},
): ResolvedValue | undefined {
  const template = read(
    `${HEADER}  T:\n    Type: X::Y::Z\n    Properties:\n      Value: ${yaml}\n`,
    options,
  );
  return propertiesOf(template, "T").Value;
}

/** {@link HEADER} as a JSON template object (long forms). */
const HEADER_JSON = {
  Parameters: {
    Env: { Type: "String", Default: "prod" },
    Subnets: { Type: "CommaDelimitedList", Default: "a,b,c" },
  },
  Mappings: { Sizes: { "us-east-1": { Small: "1", Big: "8" } } },
  Conditions: {
    IsProd: { "Fn::Equals": [{ Ref: "Env" }, "prod"] },
    IsDev: { "Fn::Not": [{ Condition: "IsProd" }] },
  },
};

/**
 * The same, for a value written in a JSON template (long form).
 *
 * @example
 * resolveJsonValue({ Ref: "Env" }); // "prod"
 */
export function resolveJsonValue(
  value: unknown,
  options: CloudFormationOptions = {},
): ResolvedValue | undefined {
  const template = {
    ...HEADER_JSON,
    Resources: {
      Role: { Type: "AWS::IAM::Role" },
      T: { Type: "X::Y::Z", Properties: { Value: value } },
    },
  };
  return propertiesOf(read(JSON.stringify(template, null, 2), options), "T").Value;
}
