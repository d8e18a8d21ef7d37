/**
 * Intrinsics whose value only the real account knows: `Fn::ImportValue`
 * (another stack's export) and `Fn::Transform` (a macro, not run locally).
 * Both are `Symbolic` values naming what they stand for, never guessed;
 * an import resolves to the export's value when the caller gave the
 * exports (the deployer), and an unknown export is then reported with
 * CloudFormation's "No export named X found".
 */
import { member } from "../../formats/json-tree.js";
import { isSymbolic } from "../model.js";
import type { FnHandler } from "./eval-types.js";
import { expectString } from "./expect.js";
import { noExportMessage, UNKNOWN_EXPORT_CODE } from "./imports.js";
import { symbolic } from "./symbolic.js";

/**
 * `{"Fn::ImportValue": exportName}`.
 *
 * @example
 * fnImportValue(jsonNodeFromValue("shared-vpc"), env).description; // "Fn::ImportValue `shared-vpc`"
 * fnImportValue(jsonNodeFromValue("shared-vpc"), envWithExports); // "vpc-0abc…"
 */
export const fnImportValue: FnHandler = (argument, env) => {
  const name = expectString("Fn::ImportValue", env.evaluate(argument), env);
  if (isSymbolic(name)) return name;
  const exports = env.ctx.exports;
  if (!exports) return symbolic(`Fn::ImportValue \`${name}\``, env.position);
  return exports(name) ?? env.fail(noExportMessage(name), UNKNOWN_EXPORT_CODE);
};

/**
 * `{"Fn::Transform": {Name, Parameters}}`.
 *
 * @example
 * fnTransform(jsonNodeFromValue({ Name: "AWS::Include" }), env).description;
 */
export const fnTransform: FnHandler = (argument, env) => {
  const name = member(argument, "Name");
  const shown = name?.kind === "string" ? ` \`${name.value}\`` : "";
  return symbolic(`Fn::Transform${shown} (macros are not run locally)`, env.position);
};
