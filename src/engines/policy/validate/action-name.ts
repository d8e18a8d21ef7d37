/**
 * Splitting an action as written in a policy (`s3:GetObject`, `ec2:Describe*`,
 * `*`) into its service prefix and action name.
 */

/** An action split at its first colon. */
export interface ActionName {
  /** The service prefix, lowercased. */
  readonly service: string;
  readonly name: string;
}

/**
 * Splits `service:action`; undefined for `*` and for text that is not of
 * that form (no colon, an empty part, whitespace, or a second colon).
 *
 * @example
 * splitAction("S3:GetObject"); // { service: "s3", name: "GetObject" }
 */
export function splitAction(action: string): ActionName | undefined {
  const match = /^([^:\s]+):([^:\s]+)$/.exec(action);
  if (!match) return undefined;
  return { service: (match[1] ?? "").toLowerCase(), name: match[2] ?? "" };
}

/**
 * True when `text` holds an IAM wildcard (`*` or `?`).
 *
 * @example
 * hasWildcard("Get*"); // true
 */
export function hasWildcard(text: string): boolean {
  return text.includes("*") || text.includes("?");
}
