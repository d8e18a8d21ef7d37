/**
 * Condition blocks: operators must exist (`NullIfExists` does not); keys
 * are `prefix:name`, and `aws:` keys must be documented global keys; the
 * operator's family must fit the key's type; set qualifiers
 * (`ForAllValues:`, `ForAnyValue:`) belong on multivalued keys and only
 * there.
 */
import type { ConditionEntry, Statement } from "../ast.js";
import {
  BASE_OPERATORS,
  type OperatorFamily,
  type OperatorName,
  parseOperatorName,
} from "../conditions/operator.js";
import { closestName } from "../suggest.js";
import { keyPrefix } from "./condition-key-template.js";
import type { Finding } from "./finding.js";
import { GLOBAL_CONDITION_KEYS, globalConditionKey, isAwsKey } from "./global-condition-keys.js";
import { keyInfo } from "./key-info.js";
import { acceptedFamilies, isMultivalued } from "./key-types.js";
import { finding, type RuleContext } from "./rule.js";

const OPERATOR_NAMES = Object.keys(BASE_OPERATORS);
const GLOBAL_NAMES = GLOBAL_CONDITION_KEYS.map((k) => k.key);
const EXAMPLE_OPERATOR: Readonly<Record<OperatorFamily, string>> = {
  String: "StringEquals",
  Arn: "ArnLike",
  Numeric: "NumericEquals",
  Date: "DateGreaterThan",
  Bool: "Bool",
  Binary: "BinaryEquals",
  IpAddress: "IpAddress",
  Null: "Null",
};

/**
 * Checks operators, key names, operator/key types and set qualifiers.
 *
 * @example
 * checkConditions(context); // [{ code: "type-mismatch", ... }] for NumericEquals on aws:SourceIp
 */
export function checkConditions({ policy, catalogue }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const s of policy.statements) {
    const reportedOperators = new Set<string>();
    for (const entry of s.condition ?? []) {
      const operator = parseOperatorName(entry.operator.value);
      if (!operator) {
        if (!reportedOperators.has(entry.operator.value)) out.push(badOperator(entry, s.index));
        reportedOperators.add(entry.operator.value);
        continue;
      }
      const keyProblem = checkKeyName(entry, s.index);
      if (keyProblem) {
        out.push(keyProblem);
        continue;
      }
      const info = keyInfo(entry.key.value, catalogue);
      if (!info || operator.family === "Null") continue;
      out.push(...checkTypes(entry, operator, info.types, s));
    }
  }
  return out;
}

function badOperator(entry: ConditionEntry, statement: number): Finding {
  const name = entry.operator.value;
  if (name.endsWith("IfExists") && name.replace(/^For(All|Any)Values?:/, "") === "NullIfExists") {
    const message = "`Null` cannot take `IfExists`: it already tests whether the key exists";
    return finding("ERROR", "null-with-if-exists", message, entry.operator.position, statement);
  }
  const base = name.slice(name.indexOf(":") + 1).replace(/IfExists$/, "");
  const near = closestName(base, OPERATOR_NAMES);
  const hint = near ? `; did you mean \`${near}\`` : "";
  const message = `condition operator \`${name}\` does not exist${hint}`;
  return finding(
    "ERROR",
    "invalid-condition-operator",
    message,
    entry.operator.position,
    statement,
  );
}

function checkKeyName(entry: ConditionEntry, statement: number): Finding | undefined {
  const key = entry.key.value;
  if (!keyPrefix(key)) {
    const message = `condition key \`${key}\` must be of the form \`prefix:name\`, such as \`aws:SourceIp\``;
    return finding("ERROR", "invalid-condition-key-format", message, entry.key.position, statement);
  }
  if (isAwsKey(key) && !globalConditionKey(key)) {
    const near = closestName(key, GLOBAL_NAMES);
    const hint = near ? `; did you mean \`${near}\`` : "";
    const message = `\`${key}\` is not a global condition key${hint}`;
    return finding("ERROR", "invalid-global-condition-key", message, entry.key.position, statement);
  }
  return undefined;
}

function checkTypes(
  entry: ConditionEntry,
  operator: OperatorName,
  types: readonly string[],
  s: Statement,
): Finding[] {
  const out: Finding[] = [];
  const key = entry.key.value;
  const where = entry.operator.position;
  const families = acceptedFamilies(types);
  if (families && !families.includes(operator.family)) {
    const example = EXAMPLE_OPERATOR[families[0] ?? "String"];
    const message = `\`${entry.operator.value}\` cannot compare \`${key}\`, which is of type ${types.join(" or ")}; use an operator such as \`${example}\``;
    out.push(finding("WARNING", "type-mismatch", message, where, s.index));
  }
  const multivalued = types.some(isMultivalued);
  if (operator.set && !multivalued) {
    const risky = operator.set === "ForAllValues" && s.effect?.value === "Allow";
    const code =
      operator.set === "ForAllValues"
        ? "for-all-values-with-single-valued-key"
        : "for-any-value-with-single-valued-key";
    const extra = risky
      ? "; `ForAllValues` also matches when the key is absent, so this `Allow` may grant more than intended"
      : "";
    const message = `\`${key}\` is single-valued; drop \`${operator.set}:\`${extra}`;
    out.push(finding(risky ? "SECURITY_WARNING" : "WARNING", code, message, where, s.index));
  } else if (!operator.set && multivalued) {
    const message = `\`${key}\` is multivalued; qualify the operator with \`ForAllValues:\` or \`ForAnyValue:\``;
    out.push(finding("WARNING", "missing-qualifier", message, where, s.index));
  }
  return out;
}
