/**
 * Argument checks shared by the `Fn::*` handlers: an argument list of a
 * given length, and evaluated values that must be a string or a list.
 * Unknowable inputs pass through as `Symbolic`; wrong shapes fail with
 * CloudFormation's "Template error: …" wording.
 */
import type { JsonNode } from "../../formats/json-tree.js";
import { isSymbolic, type ResolvedValue, type Symbolic } from "../model.js";
import { type Evaluated, type FnEnv, NO_VALUE } from "./eval-types.js";
import { through } from "./symbolic.js";

/**
 * The items of an argument list of `min`..`max` entries, or a failure.
 *
 * @example
 * expectArgs("Fn::Select", node, env, 2); // JsonNode[] or Symbolic
 */
export function expectArgs(
  fn: string,
  node: JsonNode,
  env: FnEnv,
  min: number,
  max = min,
): JsonNode[] | Symbolic {
  if (node.kind === "array" && node.items.length >= min && node.items.length <= max) {
    return node.items;
  }
  const count = min === max ? `${min}` : `${min} to ${max}`;
  return env.fail(`Template error: ${fn} requires a list of ${count} arguments`, "bad-intrinsic");
}

/**
 * An evaluated value as text (numbers and booleans are written out), or a failure.
 *
 * @example
 * expectString("Fn::Split", 5, env); // "5"
 */
export function expectString(fn: string, value: Evaluated, env: FnEnv): string | Symbolic {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (isSymbolic(value)) return through(fn, value, env.position);
  if (value === NO_VALUE) return env.fail(`Template error: ${fn} cannot use AWS::NoValue`);
  return env.fail(
    `Template error: ${fn} expects a string, got ${describe(value)}`,
    "bad-intrinsic",
  );
}

/**
 * An evaluated value as a list, or a failure.
 *
 * @example
 * expectList("Fn::Join", ["a", "b"], env); // ["a", "b"]
 */
export function expectList(
  fn: string,
  value: Evaluated,
  env: FnEnv,
): readonly ResolvedValue[] | Symbolic {
  if (Array.isArray(value)) return value as readonly ResolvedValue[];
  if (isSymbolic(value)) return through(fn, value, env.position);
  return env.fail(
    `Template error: ${fn} expects a list, got ${describe(value as ResolvedValue)}`,
    "bad-intrinsic",
  );
}

function describe(value: ResolvedValue | typeof NO_VALUE): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "a mapping" : `\`${String(value)}\``;
}
