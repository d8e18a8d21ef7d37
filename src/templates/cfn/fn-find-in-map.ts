/**
 * `Fn::FindInMap [MapName, TopLevelKey, SecondLevelKey]`, with the optional
 * fourth argument `{DefaultValue: v}` of AWS::LanguageExtensions; keys may
 * be intrinsics (`!Ref AWS::Region`). A missing entry without a default is
 * CloudFormation's "Unable to get mapping" error.
 */
import { member } from "../../formats/json-tree.js";
import { isSymbolic } from "../model.js";
import type { FnHandler } from "./eval-types.js";
import { expectArgs, expectString } from "./expect.js";

/**
 * `{"Fn::FindInMap": [map, top, second]}`.
 *
 * @example
 * fnFindInMap(jsonNodeFromValue(["Ami", { Ref: "AWS::Region" }, "Id"]), env); // "ami-…"
 */
export const fnFindInMap: FnHandler = (argument, env) => {
  const args = expectArgs("Fn::FindInMap", argument, env, 3, 4);
  if (isSymbolic(args)) return args;
  const keys: string[] = [];
  for (const node of args.slice(0, 3)) {
    const key = expectString("Fn::FindInMap", env.evaluate(node), env);
    if (isSymbolic(key)) return key;
    keys.push(key);
  }
  const [map = "", top = "", second = ""] = keys;
  const found = member(member(member(env.ctx.mappings, map), top), second);
  if (found) return env.evaluate(found);
  const fallback = member(args[3], "DefaultValue");
  if (fallback) return env.evaluate(fallback);
  return env.fail(
    `Template error: Unable to get mapping for ${map}::${top}::${second}`,
    "missing-mapping",
  );
};
