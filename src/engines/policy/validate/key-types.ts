/**
 * Which operator families fit which condition key types. A key of type
 * `ARN` takes the `Arn*` operators and, as the IAM User Guide allows, the
 * `String*` ones too; every other type takes only its own family; `Null`
 * fits every key. `ArrayOf...` types are multivalued.
 */
import type { OperatorFamily } from "../conditions/operator.js";

const ACCEPTS: Readonly<Record<string, readonly OperatorFamily[]>> = {
  String: ["String"],
  ARN: ["Arn", "String"],
  Numeric: ["Numeric"],
  Date: ["Date"],
  Bool: ["Bool"],
  IPAddress: ["IpAddress"],
  Binary: ["Binary"],
};

/**
 * Strips `ArrayOf` from a documented type.
 *
 * @example
 * baseType("ArrayOfString"); // "String"
 */
export function baseType(type: string): string {
  return type.startsWith("ArrayOf") ? type.slice("ArrayOf".length) : type;
}

/**
 * True for the multivalued `ArrayOf...` types.
 *
 * @example
 * isMultivalued("ArrayOfARN"); // true
 */
export function isMultivalued(type: string): boolean {
  return type.startsWith("ArrayOf");
}

/**
 * The operator families a key of any of `types` accepts; undefined when a
 * type is unknown (then anything goes).
 *
 * @example
 * acceptedFamilies(["ARN"]); // ["Arn", "String"]
 */
export function acceptedFamilies(types: readonly string[]): readonly OperatorFamily[] | undefined {
  const out: OperatorFamily[] = [];
  for (const type of types) {
    const accepts = ACCEPTS[baseType(type)];
    if (!accepts) return undefined;
    out.push(...accepts);
  }
  return out;
}
