/**
 * Parameter constraints from the IAM API model (names `[\w+=,.@-]+`, paths
 * `/` or `/…/`, MaxItems 1..1000, MaxSessionDuration 3600..43200), checked
 * before any state is read and reported as AWS reports them: `ValidationError`
 * "1 validation error detected: Value '…' at '…' failed to satisfy constraint: …".
 */
import { validationError } from "./errors.js";

const NAME = /^[\w+=,.@-]+$/;
const PATH = /^(\/|\/[\u0021-\u007E]+\/)$/;

function fail(value: string | number, field: string, constraint: string): never {
  throw validationError(
    `1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: ${constraint}`,
  );
}

/**
 * Checks an entity or policy name (`roleName`, `userName` 64; `policyName` 128).
 *
 * @example
 * checkName("roleName", "app role", 64); // throws ValidationError (pattern)
 */
export function checkName(field: string, value: string, max: number): void {
  if (value.length < 1) fail(value, field, "Member must have length greater than or equal to 1");
  if (value.length > max)
    fail(value, field, `Member must have length less than or equal to ${max}`);
  if (!NAME.test(value))
    fail(value, field, "Member must satisfy regular expression pattern: [\\w+=,.@-]+");
}

/**
 * Checks a path: `/` or `/segments/`, at most 512 characters.
 *
 * @example
 * checkPath("/service-role/"); // ok
 */
export function checkPath(value: string, field = "path"): void {
  if (value.length > 512) fail(value, field, "Member must have length less than or equal to 512");
  if (!PATH.test(value))
    fail(
      value,
      field,
      "Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)",
    );
}

/**
 * Checks an integer range parameter.
 *
 * @example
 * checkRange("maxItems", 0, 1, 1000); // throws ValidationError
 */
export function checkRange(field: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value)) fail(value, field, "Member must be an integer");
  if (value < min) fail(value, field, `Member must have value greater than or equal to ${min}`);
  if (value > max) fail(value, field, `Member must have value less than or equal to ${max}`);
}
