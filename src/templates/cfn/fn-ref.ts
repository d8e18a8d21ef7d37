/**
 * `Ref` and `Fn::GetAtt`: names are checked here for shape only; what they
 * stand for (parameter, pseudo parameter, resource, missing) is the
 * context's answer. `Fn::GetAtt` takes `[logicalId, attribute]` (the
 * attribute may itself be `Ref`) or the dotted string `logicalId.attribute`.
 */
import { isSymbolic } from "../model.js";
import type { FnHandler } from "./eval-types.js";
import { expectString } from "./expect.js";

/**
 * `{"Ref": name}`.
 *
 * @example
 * fnRef({ kind: "string", value: "Vpc" }, env); // env.ctx.ref("Vpc", …)
 */
export const fnRef: FnHandler = (argument, env) => {
  if (argument.kind !== "string" || argument.value === "") {
    return env.fail("Template format error: Every Ref object must have a single String value.");
  }
  return env.ctx.ref(argument.value, env.position);
};

/**
 * `{"Fn::GetAtt": [logicalId, attribute]}`.
 *
 * @example
 * fnGetAtt(jsonNodeFromValue(["Role", "Arn"]), env); // env.ctx.getAtt("Role", "Arn", …)
 */
export const fnGetAtt: FnHandler = (argument, env) => {
  let logicalId: string | undefined;
  let attribute: string | undefined;
  if (argument.kind === "string") {
    const dot = argument.value.indexOf(".");
    if (dot > 0) {
      logicalId = argument.value.slice(0, dot);
      attribute = argument.value.slice(dot + 1);
    }
  } else if (argument.kind === "array" && argument.items.length === 2) {
    const [first, second] = argument.items;
    if (first?.kind === "string") logicalId = first.value;
    if (second) {
      const value = expectString("Fn::GetAtt", env.evaluate(second), env);
      if (isSymbolic(value)) return value;
      attribute = value;
    }
  }
  if (!logicalId || !attribute) {
    return env.fail(
      "Template error: every Fn::GetAtt object requires two non-empty parameters",
      "bad-intrinsic",
    );
  }
  return env.ctx.getAtt(logicalId, attribute, env.position);
};
