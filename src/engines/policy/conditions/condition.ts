/**
 * One condition (operator + key + values) compiled once and evaluated per
 * request, with IAM's rules for missing keys, `IfExists`, the set
 * qualifiers `ForAnyValue`/`ForAllValues`, negated operators and `Null`.
 */
import type { ConditionEntry } from "../ast.js";
import type { RequestContext } from "../context.js";
import { showList } from "../show-list.js";
import { parseTemplate } from "../variables.js";
import { type OperatorName, parseOperatorName } from "./operator.js";
import { compileValueTest, POSITIVE_TWIN, type ValueTest } from "./values.js";

/** A compiled condition. */
export interface CompiledCondition {
  readonly entry: ConditionEntry;
  readonly operator: OperatorName;
  readonly key: string;
  readonly tests: readonly ValueTest[];
  /** The policy values as shown in explanations. */
  readonly shownValues: string;
  /** For `Null`: whether the policy asks for the key to be absent. */
  readonly nullWantsAbsent?: readonly boolean[];
}

/** The outcome of one condition for one request. */
export interface ConditionOutcome {
  readonly holds: boolean;
  /** The request's values for the key; undefined when the key is absent. */
  readonly requestValues: readonly string[] | undefined;
}

/**
 * Compiles a condition entry; returns `{ error }` for an invalid operator or value.
 *
 * @example
 * compileCondition(entry, true); // entry: StringEquals aws:SourceVpce ["vpce-1"]
 */
export function compileCondition(
  entry: ConditionEntry,
  variablesEnabled: boolean,
): CompiledCondition | { error: string } {
  const operator = parseOperatorName(entry.operator.value);
  if (!operator) return { error: `unknown condition operator \`${entry.operator.value}\`` };
  const key = entry.key.value.toLowerCase();
  if (operator.family === "Null") {
    const flags: boolean[] = [];
    for (const v of entry.values) {
      const lower = v.value.toLowerCase();
      if (lower !== "true" && lower !== "false")
        return { error: `\`Null\` value must be \`true\` or \`false\`, found \`${v.value}\`` };
      flags.push(lower === "true");
    }
    return {
      entry,
      operator,
      key,
      tests: [],
      nullWantsAbsent: flags,
      shownValues: showList(entry.values.map((v) => v.value)),
    };
  }
  const positive = operator.negated
    ? (POSITIVE_TWIN[operator.base] ?? operator.base)
    : operator.base;
  const tests: ValueTest[] = [];
  for (const v of entry.values) {
    const test = compileValueTest(
      positive,
      parseTemplate(v.value, variablesEnabled && operator.family !== "Bool"),
    );
    if ("error" in test) return test;
    tests.push(test);
  }
  return { entry, operator, key, tests, shownValues: showList(entry.values.map((v) => v.value)) };
}

/** Evaluates a compiled condition against the request context. */
export function evaluateCondition(
  condition: CompiledCondition,
  context: RequestContext,
): ConditionOutcome {
  const values = context.values(condition.key);
  const present = values !== undefined && values.length > 0;
  const { operator } = condition;
  if (condition.nullWantsAbsent) {
    return {
      holds: condition.nullWantsAbsent.some((absent) => absent === !present),
      requestValues: values,
    };
  }
  if (!present) {
    if (operator.ifExists || operator.set === "ForAllValues")
      return { holds: true, requestValues: values };
    if (operator.set === "ForAnyValue") return { holds: false, requestValues: values };
    return { holds: operator.negated, requestValues: values };
  }
  const matchesAny = (v: string) => condition.tests.some((test) => test(v, context));
  const satisfies = operator.negated ? (v: string) => !matchesAny(v) : matchesAny;
  let holds: boolean;
  if (operator.set === "ForAllValues") holds = values.every(satisfies);
  else if (operator.set === "ForAnyValue") holds = values.some(satisfies);
  else holds = operator.negated ? !values.some(matchesAny) : values.some(matchesAny);
  return { holds, requestValues: values };
}
