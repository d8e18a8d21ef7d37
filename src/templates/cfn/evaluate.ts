/**
 * The intrinsic-function evaluator: walks a positioned node, calls the
 * handler of each intrinsic it meets, drops properties and list items that
 * evaluate to `AWS::NoValue`, and turns strings holding dynamic references
 * into `Symbolic`. It never throws: a bad intrinsic is reported through the
 * context and stands as a `Symbolic` naming the error.
 */
import type { JsonNode } from "../../formats/json-tree.js";
import type { ResolvedValue } from "../model.js";
import { dynamicReference } from "./dynamic-references.js";
import {
  type EvalContext,
  type Evaluated,
  type FnEnv,
  type FnHandler,
  NO_VALUE,
} from "./eval-types.js";
import { fnAnd, fnCondition, fnEquals, fnIf, fnNot, fnOr } from "./fn-conditions.js";
import { fnFindInMap } from "./fn-find-in-map.js";
import { fnCidr, fnGetAZs } from "./fn-network.js";
import { fnGetAtt, fnRef } from "./fn-ref.js";
import { fnLength, fnSelect } from "./fn-select.js";
import { fnBase64, fnJoin, fnSplit, fnToJsonString } from "./fn-strings.js";
import { fnSub } from "./fn-sub.js";
import { fnImportValue, fnTransform } from "./fn-unknowable.js";
import { intrinsicOf } from "./intrinsic.js";
import { symbolic } from "./symbolic.js";

const HANDLERS: Readonly<Record<string, FnHandler>> = {
  Ref: fnRef,
  Condition: fnCondition,
  "Fn::GetAtt": fnGetAtt,
  "Fn::Sub": fnSub,
  "Fn::Join": fnJoin,
  "Fn::Split": fnSplit,
  "Fn::Select": fnSelect,
  "Fn::Length": fnLength,
  "Fn::Base64": fnBase64,
  "Fn::ToJsonString": fnToJsonString,
  "Fn::FindInMap": fnFindInMap,
  "Fn::GetAZs": fnGetAZs,
  "Fn::Cidr": fnCidr,
  "Fn::ImportValue": fnImportValue,
  "Fn::Transform": fnTransform,
  "Fn::If": fnIf,
  "Fn::Equals": fnEquals,
  "Fn::And": fnAnd,
  "Fn::Or": fnOr,
  "Fn::Not": fnNot,
};

/**
 * Evaluates `node` in `ctx`.
 *
 * @example
 * evaluate(jsonNodeFromValue({ "Fn::Join": ["-", ["a", { Ref: "AWS::Region" }]] }), ctx);
 * // "a-us-east-1"
 */
export function evaluate(node: JsonNode, ctx: EvalContext): Evaluated {
  const call = intrinsicOf(node, ctx.inConditions);
  if (call) {
    const env: FnEnv = {
      ctx,
      position: call.position,
      evaluate: (inner) => evaluate(inner, ctx),
      fail: (message, code = "bad-intrinsic") => {
        ctx.report(code, message, call.position);
        return symbolic(message, call.position);
      },
    };
    const handler = HANDLERS[call.name];
    if (!handler)
      return env.fail(`unknown intrinsic function \`${call.name}\``, "unknown-intrinsic");
    return handler(call.argument, env);
  }
  switch (node.kind) {
    case "object": {
      const out: Record<string, ResolvedValue> = {};
      for (const entry of node.entries) {
        const value = evaluate(entry.value, ctx);
        if (value !== NO_VALUE) out[entry.key] = value;
      }
      return out;
    }
    case "array":
      return node.items.map((item) => evaluate(item, ctx)).filter((v) => v !== NO_VALUE);
    case "string":
      return dynamicReference(node.value, node.position) ?? node.value;
    case "null":
      return null;
    default:
      return node.value;
  }
}
