/**
 * The string intrinsics: `Fn::Join [delimiter, list]`, `Fn::Split
 * [delimiter, string]`, `Fn::Base64 string` and `Fn::ToJsonString value`.
 * Any unknowable input makes the result unknowable, naming the input.
 */
import { isSymbolic } from "../model.js";
import type { FnHandler } from "./eval-types.js";
import { expectArgs, expectList, expectString } from "./expect.js";
import { findSymbolic, through } from "./symbolic.js";

/**
 * `{"Fn::Join": [delimiter, list]}`.
 *
 * @example
 * fnJoin(jsonNodeFromValue(["-", ["a", "b"]]), env); // "a-b"
 */
export const fnJoin: FnHandler = (argument, env) => {
  const args = expectArgs("Fn::Join", argument, env, 2);
  if (isSymbolic(args)) return args;
  const [delimiterNode, listNode] = args as [typeof argument, typeof argument];
  const delimiter = expectString("Fn::Join", env.evaluate(delimiterNode), env);
  const list = expectList("Fn::Join", env.evaluate(listNode), env);
  if (isSymbolic(delimiter)) return delimiter;
  if (isSymbolic(list)) return list;
  const texts: string[] = [];
  for (const item of list) {
    const text = expectString("Fn::Join", item, env);
    if (isSymbolic(text)) return text;
    texts.push(text);
  }
  return texts.join(delimiter);
};

/**
 * `{"Fn::Split": [delimiter, string]}`.
 *
 * @example
 * fnSplit(jsonNodeFromValue([",", "a,b"]), env); // ["a", "b"]
 */
export const fnSplit: FnHandler = (argument, env) => {
  const args = expectArgs("Fn::Split", argument, env, 2);
  if (isSymbolic(args)) return args;
  const [delimiterNode, textNode] = args as [typeof argument, typeof argument];
  const delimiter = expectString("Fn::Split", env.evaluate(delimiterNode), env);
  const text = expectString("Fn::Split", env.evaluate(textNode), env);
  if (isSymbolic(delimiter)) return delimiter;
  if (isSymbolic(text)) return text;
  if (delimiter === "") return env.fail("Template error: Fn::Split requires a non-empty delimiter");
  return text.split(delimiter);
};

/**
 * `{"Fn::Base64": string}`.
 *
 * @example
 * fnBase64(jsonNodeFromValue("hi"), env); // "aGk="
 */
export const fnBase64: FnHandler = (argument, env) => {
  const text = expectString("Fn::Base64", env.evaluate(argument), env);
  if (isSymbolic(text)) return text;
  return Buffer.from(text, "utf8").toString("base64");
};

/**
 * `{"Fn::ToJsonString": value}` (AWS::LanguageExtensions).
 *
 * @example
 * fnToJsonString(jsonNodeFromValue({ a: [1] }), env); // '{"a":[1]}'
 */
export const fnToJsonString: FnHandler = (argument, env) => {
  const value = env.evaluate(argument);
  const unknown = findSymbolic(value);
  if (unknown) return through("Fn::ToJsonString", unknown, env.position);
  if (typeof value !== "object" || value === null) {
    return env.fail("Template error: Fn::ToJsonString expects a mapping or a list");
  }
  return JSON.stringify(value);
};
