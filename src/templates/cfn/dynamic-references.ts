/**
 * Dynamic references (`{{resolve:ssm:/name}}`, `{{resolve:ssm-secure:…}}`,
 * `{{resolve:secretsmanager:…}}`) are resolved by CloudFormation at deploy
 * time from services accesslab cannot read ahead of time, so a string that
 * holds one is `Symbolic`, named after the reference, never guessed.
 */
import type { SourcePosition } from "../../formats/position.js";
import type { Symbolic } from "../model.js";
import { symbolic } from "./symbolic.js";

const DYNAMIC = /\{\{resolve:(ssm|ssm-secure|secretsmanager):[^}]*\}\}/;

/**
 * A `Symbolic` when `text` holds a dynamic reference, else `undefined`.
 *
 * @example
 * dynamicReference("{{resolve:ssm:/vpc/id}}")?.description; // "dynamic reference `{{resolve:ssm:/vpc/id}}`"
 */
export function dynamicReference(text: string, position?: SourcePosition): Symbolic | undefined {
  const match = DYNAMIC.exec(text);
  if (!match) return undefined;
  const whole = match[0] === text ? "" : ` in \`${text}\``;
  return symbolic(`dynamic reference \`${match[0]}\`${whole}`, position);
}
