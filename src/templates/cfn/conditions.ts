/**
 * The `Conditions` section, evaluated on demand and once per name: each
 * condition is a boolean, or `Symbolic` when it compares something only the
 * account knows. A condition that names itself through others, an unknown
 * condition name, or a condition that is not a boolean is an error.
 */
import type { JsonNode } from "../../formats/json-tree.js";
import type { SourcePosition } from "../../formats/position.js";
import { isSymbolic, type Symbolic } from "../model.js";
import { evaluate } from "./evaluate.js";
import { conditionContext, type Report, type Scope } from "./scope.js";
import { symbolic } from "./symbolic.js";

/** Answers a condition by name. */
export type ConditionLookup = (
  name: string,
  position: SourcePosition | undefined,
) => boolean | Symbolic;

/**
 * A memoised lookup over the `Conditions` section. `scope` is completed
 * with the lookup itself (conditions may name other conditions).
 *
 * @example
 * const condition = conditionLookup(section, (lookup) => ({ ...base, condition: lookup }), report);
 * condition("IsProd", undefined); // true
 */
export function conditionLookup(
  section: JsonNode | undefined,
  scopeWith: (lookup: ConditionLookup) => Scope,
  report: Report,
): ConditionLookup {
  const nodes = new Map(
    (section?.kind === "object" ? section.entries : []).map((e) => [e.key, e] as const),
  );
  const done = new Map<string, boolean | Symbolic>();
  const active: string[] = [];
  const lookup: ConditionLookup = (name, position) => {
    const known = done.get(name);
    if (known !== undefined) return known;
    const entry = nodes.get(name);
    if (!entry) {
      const message = `condition \`${name}\` is not defined in the Conditions section`;
      report("missing-condition", message, position);
      const missing = symbolic(message, position);
      done.set(name, missing);
      return missing;
    }
    if (active.includes(name)) {
      const loop = [...active.slice(active.indexOf(name)), name].join(" -> ");
      const message = `Template format error: Circular dependency between conditions: ${loop}`;
      report("cycle", message, entry.keyPosition);
      return symbolic(message, entry.keyPosition);
    }
    active.push(name);
    const value = evaluate(entry.value, conditionContext(scope, report));
    active.pop();
    const result =
      typeof value === "boolean" || isSymbolic(value) ? value : notBoolean(name, entry.keyPosition);
    done.set(name, result);
    return result;
  };
  const notBoolean = (name: string, position: SourcePosition | undefined): Symbolic => {
    const message = `Template format error: condition \`${name}\` must be a boolean operation (Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition)`;
    report("bad-condition", message, position);
    return symbolic(message, position);
  };
  const scope = scopeWith(lookup);
  return lookup;
}
