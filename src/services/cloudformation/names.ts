/**
 * Physical names CloudFormation generates for resources whose name
 * property is left out: `<stack>-<logicalId>-<RANDOM>`, the stack and
 * logical id shortened so the whole fits the type's limit, the suffix
 * upper-case letters and digits.
 */
import type { ServiceContext } from "../context.js";
import { GENERATED_SUFFIX_LENGTH } from "./assumptions.js";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/**
 * A generated physical name of at most `max` characters.
 *
 * @example
 * generatedName(ctx, "app", "FunctionRole", 64); // "app-FunctionRole-K3J9QX0A1B2C"
 */
export function generatedName(
  ctx: ServiceContext,
  stackName: string,
  logicalId: string,
  max: number,
): string {
  const suffix = Array.from(
    ctx.random(GENERATED_SUFFIX_LENGTH),
    (b) => ALPHABET[b % ALPHABET.length],
  ).join("");
  const room = max - suffix.length - 2;
  const stackPart = stackName.slice(0, Math.max(1, Math.floor(room / 2)));
  const logicalPart = logicalId.slice(0, room - stackPart.length);
  return `${stackPart}-${logicalPart}-${suffix}`;
}
