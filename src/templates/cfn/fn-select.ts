/**
 * The list intrinsics: `Fn::Select [index, list]` (the index may be a
 * number or a numeric string) and `Fn::Length list` (AWS::LanguageExtensions).
 */
import { isSymbolic } from "../model.js";
import type { FnHandler } from "./eval-types.js";
import { expectArgs, expectList, expectString } from "./expect.js";

/**
 * `{"Fn::Select": [index, list]}`.
 *
 * @example
 * fnSelect(jsonNodeFromValue(["1", ["a", "b"]]), env); // "b"
 */
export const fnSelect: FnHandler = (argument, env) => {
  const args = expectArgs("Fn::Select", argument, env, 2);
  if (isSymbolic(args)) return args;
  const [indexNode, listNode] = args as [typeof argument, typeof argument];
  const indexText = expectString("Fn::Select", env.evaluate(indexNode), env);
  const list = expectList("Fn::Select", env.evaluate(listNode), env);
  if (isSymbolic(indexText)) return indexText;
  if (!/^\d+$/.test(indexText)) {
    return env.fail(`Template error: Fn::Select requires a numeric index, got \`${indexText}\``);
  }
  if (isSymbolic(list)) return list;
  const index = Number(indexText);
  const value = list[index];
  if (value === undefined) {
    return env.fail(`Template error: Fn::Select cannot select nonexistent value at index ${index}`);
  }
  return value;
};

/**
 * `{"Fn::Length": list}`.
 *
 * @example
 * fnLength(jsonNodeFromValue(["a", "b"]), env); // 2
 */
export const fnLength: FnHandler = (argument, env) => {
  const list = expectList("Fn::Length", env.evaluate(argument), env);
  return isSymbolic(list) ? list : list.length;
};
