/**
 * Dynamic references (`{{resolve:ssm:/name}}`, `{{resolve:ssm-secure:…}}`,
 * `{{resolve:secretsmanager:…}}`) are resolved by CloudFormation when it
 * creates or updates the resource that holds them, after every intrinsic
 * function, so a string that holds one is `Symbolic` while a template is
 * read, named after the reference and never guessed. The `Symbolic` keeps
 * the string as written (`text`, the reference text, never a value), so
 * the deployer can resolve Secrets Manager references when it creates the
 * resource (`services/cloudformation/dynamic-references.ts`); `check`
 * leaves them symbolic. Where each reference starts and what it says is
 * `dynamic-references-parse.ts`.
 */
import type { SourcePosition } from "../../formats/position.js";
import { isSymbolic, type Symbolic } from "../model.js";
import { dynamicReferencesIn } from "./dynamic-references-parse.js";
import { symbolic } from "./symbolic.js";

/** A `Symbolic` standing for a string that holds dynamic references. */
export interface DynamicReferenceText extends Symbolic {
  /** The whole string as the template makes it, references and all (never a resolved value). */
  readonly text: string;
}

/**
 * A `DynamicReferenceText` when `text` holds a dynamic reference, else `undefined`.
 *
 * @example
 * dynamicReference("{{resolve:ssm:/vpc/id}}")?.description; // "dynamic reference `{{resolve:ssm:/vpc/id}}`"
 */
export function dynamicReference(
  text: string,
  position?: SourcePosition,
): DynamicReferenceText | undefined {
  const first = dynamicReferencesIn(text)[0];
  if (first === undefined) return undefined;
  const whole = first.whole === text ? "" : ` in \`${text}\``;
  return { ...symbolic(`dynamic reference \`${first.whole}\`${whole}`, position), text };
}

/**
 * True for a `Symbolic` that stands for a string holding dynamic references.
 *
 * @example
 * isDynamicReferenceText(dynamicReference("{{resolve:ssm:/vpc/id}}")); // true
 */
export function isDynamicReferenceText(value: unknown): value is DynamicReferenceText {
  return isSymbolic(value) && typeof (value as DynamicReferenceText).text === "string";
}
