/**
 * `Fn::Sub`: a string with `${Name}` (a parameter, pseudo parameter or
 * resource's Ref), `${Resource.Attribute}` (its GetAtt) and `${!Literal}`
 * (written out as `${Literal}`), optionally with a map of its own variables
 * (`[string, {Name: value}]`), which win over template names.
 */
import type { JsonNode } from "../../formats/json-tree.js";
import { isSymbolic, type Symbolic } from "../model.js";
import { dynamicReference } from "./dynamic-references.js";
import { type Evaluated, type FnEnv, type FnHandler, NO_VALUE } from "./eval-types.js";
import { expectString } from "./expect.js";

/** One piece of a Sub string: literal text or a variable name. */
export type SubPart = { readonly text: string } | { readonly variable: string };

/**
 * Splits a Sub string into literal text and variables.
 *
 * @example
 * subParts("arn:${AWS::Partition}:s3:::${!x}");
 * // [{ text: "arn:" }, { variable: "AWS::Partition" }, { text: ":s3:::${x}" }]
 */
export function subParts(template: string): SubPart[] {
  const parts: SubPart[] = [];
  let text = "";
  let last = 0;
  for (const match of template.matchAll(/\$\{([^}]*)\}/g)) {
    text += template.slice(last, match.index);
    const inner = match[1] ?? "";
    if (inner.startsWith("!")) text += `\${${inner.slice(1)}}`;
    else {
      if (text) parts.push({ text });
      text = "";
      parts.push({ variable: inner.trim() });
    }
    last = match.index + match[0].length;
  }
  text += template.slice(last);
  if (text) parts.push({ text });
  return parts;
}

/**
 * `{"Fn::Sub": string}` or `{"Fn::Sub": [string, {Name: value}]}`.
 *
 * @example
 * fnSub(jsonNodeFromValue("${AWS::Region}-x"), env); // "us-east-1-x"
 */
export const fnSub: FnHandler = (argument, env) => {
  let template: JsonNode | undefined = argument;
  let variables: JsonNode | undefined;
  if (argument.kind === "array") {
    [template, variables] = argument.items;
    if (argument.items.length !== 2 || variables?.kind !== "object") template = undefined;
  }
  if (template?.kind !== "string") {
    return env.fail(
      "Template error: One or more Fn::Sub intrinsic functions don't specify expected arguments. Specify a string as first argument, and an optional second argument to specify a mapping of values to replace in the string",
      "bad-intrinsic",
    );
  }
  const own = new Map(
    (variables?.kind === "object" ? variables.entries : []).map((e) => [e.key, e]),
  );
  let out = "";
  let unknown: Symbolic | undefined;
  for (const part of subParts(template.value)) {
    if ("text" in part) {
      out += part.text;
      continue;
    }
    const value = expectString("Fn::Sub", variable(part.variable, own, env), env);
    if (isSymbolic(value)) unknown ??= value;
    else out += value;
  }
  if (unknown) return unknown;
  return dynamicReference(out, env.position) ?? out;
};

function variable(name: string, own: Map<string, { value: JsonNode }>, env: FnEnv): Evaluated {
  const mine = own.get(name);
  if (mine) return env.evaluate(mine.value);
  const dot = name.indexOf(".");
  const value =
    dot > 0 && !name.startsWith("AWS::")
      ? env.ctx.getAtt(name.slice(0, dot), name.slice(dot + 1), env.position)
      : env.ctx.ref(name, env.position);
  return value === NO_VALUE ? "" : value;
}
