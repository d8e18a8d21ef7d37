/**
 * The condition functions: `Fn::If [condition, whenTrue, whenFalse]` (only
 * the chosen branch is evaluated, so references in the other one neither
 * count nor fail), and `Fn::Equals`, `Fn::And`, `Fn::Or`, `Fn::Not` and
 * `{"Condition": name}` for the `Conditions` section. An unknowable operand
 * makes the answer `Symbolic`; `Fn::If` on it evaluates both branches (so
 * every reference is still checked) and is itself unknowable.
 */
import type { JsonNode } from "../../formats/json-tree.js";
import { isSymbolic, type Symbolic } from "../model.js";
import type { Evaluated, FnEnv, FnHandler } from "./eval-types.js";
import { expectArgs } from "./expect.js";
import { findSymbolic, symbolic, through } from "./symbolic.js";

/**
 * `{"Fn::If": [condition, whenTrue, whenFalse]}`.
 *
 * @example
 * fnIf(jsonNodeFromValue(["IsProd", "big", "small"]), env); // "big" when IsProd is true
 */
export const fnIf: FnHandler = (argument, env) => {
  const args = expectArgs("Fn::If", argument, env, 3);
  if (isSymbolic(args)) return args;
  const [name, whenTrue, whenFalse] = args as [JsonNode, JsonNode, JsonNode];
  if (name.kind !== "string") return env.fail("Template error: Fn::If requires a condition name");
  const value = env.ctx.condition(name.value, env.position);
  if (value === true) return env.evaluate(whenTrue);
  if (value === false) return env.evaluate(whenFalse);
  env.evaluate(whenTrue);
  env.evaluate(whenFalse);
  return through(`Fn::If on condition \`${name.value}\``, value, env.position);
};

/**
 * `{"Condition": name}` inside a condition.
 *
 * @example
 * fnCondition(jsonNodeFromValue("IsProd"), env); // true or false
 */
export const fnCondition: FnHandler = (argument, env) => {
  if (argument.kind !== "string") return env.fail("Template error: Condition requires a name");
  return env.ctx.condition(argument.value, env.position);
};

/**
 * `{"Fn::Equals": [a, b]}`.
 *
 * @example
 * fnEquals(jsonNodeFromValue(["a", "a"]), env); // true
 */
export const fnEquals: FnHandler = (argument, env) => {
  const args = expectArgs("Fn::Equals", argument, env, 2);
  if (isSymbolic(args)) return args;
  const [a, b] = args.map((n) => env.evaluate(n));
  const unknown = findSymbolic(a ?? null) ?? findSymbolic(b ?? null);
  if (unknown) return through("Fn::Equals", unknown, env.position);
  return canonical(a) === canonical(b);
};

/** Values compared as CloudFormation does: scalars as text (`1` equals `"1"`). */
function canonical(value: Evaluated | undefined): string {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return `scalar:${String(value)}`;
  }
  return `json:${JSON.stringify(typeof value === "symbol" ? null : (value ?? null))}`;
}

function booleans(fn: string, nodes: JsonNode[], env: FnEnv): (boolean | Symbolic)[] {
  return nodes.map((node) => {
    const value = env.evaluate(node);
    if (typeof value === "boolean" || isSymbolic(value)) return value;
    if (value === "true" || value === "false") return value === "true";
    return env.fail(`Template error: ${fn} requires condition values`, "bad-intrinsic");
  });
}

function combine(fn: string, all: boolean, values: (boolean | Symbolic)[], env: FnEnv): Evaluated {
  if (values.some((v) => v === !all)) return !all;
  const unknown = values.find(isSymbolic);
  return unknown ? through(fn, unknown, env.position) : all;
}

/**
 * `{"Fn::And": [c1, c2, …]}` (2 to 10 conditions).
 *
 * @example
 * fnAnd(jsonNodeFromValue([{ Condition: "A" }, { Condition: "B" }]), env);
 */
export const fnAnd: FnHandler = (argument, env) => {
  const args = expectArgs("Fn::And", argument, env, 2, 10);
  return isSymbolic(args) ? args : combine("Fn::And", true, booleans("Fn::And", args, env), env);
};

/**
 * `{"Fn::Or": [c1, c2, …]}` (2 to 10 conditions).
 *
 * @example
 * fnOr(jsonNodeFromValue([{ Condition: "A" }, { Condition: "B" }]), env);
 */
export const fnOr: FnHandler = (argument, env) => {
  const args = expectArgs("Fn::Or", argument, env, 2, 10);
  return isSymbolic(args) ? args : combine("Fn::Or", false, booleans("Fn::Or", args, env), env);
};

/**
 * `{"Fn::Not": [c]}`.
 *
 * @example
 * fnNot(jsonNodeFromValue([{ "Fn::Equals": ["a", "b"] }]), env); // true
 */
export const fnNot: FnHandler = (argument, env) => {
  const args = expectArgs("Fn::Not", argument, env, 1);
  if (isSymbolic(args)) return args;
  const [value] = booleans("Fn::Not", args, env);
  if (value === undefined) return symbolic("Fn::Not");
  return isSymbolic(value) ? through("Fn::Not", value, env.position) : !value;
};
