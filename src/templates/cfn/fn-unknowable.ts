/**
 * Intrinsics whose value only the real account knows: `Fn::ImportValue`
 * (another stack's export) and `Fn::Transform` (a macro, not run locally).
 * Both are `Symbolic` values naming what they stand for, never guessed.
 */
import { isSymbolic } from "../model.js";
import type { FnHandler } from "./eval-types.js";
import { expectString } from "./expect.js";
import { symbolic } from "./symbolic.js";

/**
 * `{"Fn::ImportValue": exportName}`.
 *
 * @example
 * fnImportValue(jsonNodeFromValue("shared-vpc"), env).description; // "Fn::ImportValue `shared-vpc`"
 */
export const fnImportValue: FnHandler = (argument, env) => {
  const name = expectString("Fn::ImportValue", env.evaluate(argument), env);
  if (isSymbolic(name)) return name;
  return symbolic(`Fn::ImportValue \`${name}\``, env.position);
};

/**
 * `{"Fn::Transform": {Name, Parameters}}`.
 *
 * @example
 * fnTransform(jsonNodeFromValue({ Name: "AWS::Include" }), env).description;
 */
export const fnTransform: FnHandler = (argument, env) => {
  const name =
    argument.kind === "object" ? argument.entries.find((e) => e.key === "Name")?.value : undefined;
  const shown = name?.kind === "string" ? ` \`${name.value}\`` : "";
  return symbolic(`Fn::Transform${shown} (macros are not run locally)`, env.position);
};
