/**
 * How lists of policy values appear in explanations: each in backticks,
 * the first five shown, the rest counted.
 */

const SHOWN = 5;

/**
 * Formats values for a message.
 *
 * @example
 * showList(["s3:GetObject", "s3:PutObject"]); // "`s3:GetObject`, `s3:PutObject`"
 */
export function showList(values: readonly string[]): string {
  const shown = values.slice(0, SHOWN).map((v) => `\`${v}\``);
  return values.length > SHOWN
    ? `${shown.join(", ")} and ${values.length - SHOWN} more`
    : shown.join(", ");
}

/**
 * What the request holds for a condition key, as explanations say it.
 *
 * @example
 * describeRequestValues(undefined); // "the key is not in the request"
 */
export function describeRequestValues(values: readonly string[] | undefined): string {
  return values ? `request has ${showList(values)}` : "the key is not in the request";
}
