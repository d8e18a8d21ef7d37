/**
 * AssumeRole's parameter rules (STS API model and reference):
 * RoleSessionName 2..64 characters of `[\w+=,.@-]`; DurationSeconds
 * 900..43200, at most the role's MaxSessionDuration, at most 3600 when a
 * role session assumes a role (role chaining), 3600 when absent; a session
 * Policy of at most 2,048 characters that validates as a session policy.
 */
import { validatePolicy } from "../../engines/policy/validate/validate.js";
import { constraintViolated, malformedSessionPolicy, validationError } from "./errors.js";

/** The duration of a session when DurationSeconds is absent. */
export const DEFAULT_DURATION_SECONDS = 3600;
/** The longest session STS issues (DurationSeconds' upper bound). */
export const MAX_DURATION_SECONDS = 43200;
/** The longest session a role session may obtain by assuming another role. */
export const ROLE_CHAINING_LIMIT_SECONDS = 3600;

/**
 * Checks a role session name.
 *
 * @example
 * checkSessionName("a"); // throws ValidationError (length)
 */
export function checkSessionName(name: string): void {
  if (name.length < 2)
    throw constraintViolated(
      name,
      "roleSessionName",
      "Member must have length greater than or equal to 2",
    );
  if (name.length > 64)
    throw constraintViolated(
      name,
      "roleSessionName",
      "Member must have length less than or equal to 64",
    );
  if (!/^[\w+=,.@-]*$/.test(name))
    throw constraintViolated(
      name,
      "roleSessionName",
      "Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    );
}

/**
 * The session duration in seconds, or ValidationError.
 *
 * @example
 * sessionDuration(undefined, 3600, false); // 3600
 */
export function sessionDuration(
  requested: number | undefined,
  roleMaxSessionDuration: number,
  chained: boolean,
): number {
  const seconds = requested ?? DEFAULT_DURATION_SECONDS;
  if (!Number.isInteger(seconds))
    throw constraintViolated(seconds, "durationSeconds", "Member must be an integer");
  if (seconds < 900)
    throw constraintViolated(
      seconds,
      "durationSeconds",
      "Member must have value greater than or equal to 900",
    );
  if (seconds > MAX_DURATION_SECONDS)
    throw constraintViolated(
      seconds,
      "durationSeconds",
      "Member must have value less than or equal to 43200",
    );
  if (chained && seconds > ROLE_CHAINING_LIMIT_SECONDS)
    throw validationError(
      "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
    );
  if (seconds > roleMaxSessionDuration)
    throw validationError(
      "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
    );
  return seconds;
}

/**
 * Checks a session policy: at most 2,048 characters, no ERROR finding.
 *
 * @example
 * checkSessionPolicy('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}');
 */
export function checkSessionPolicy(text: string): void {
  if (text.length < 1)
    throw constraintViolated(text, "policy", "Member must have length greater than or equal to 1");
  if (text.length > 2048)
    throw constraintViolated(text, "policy", "Member must have length less than or equal to 2048");
  const first = validatePolicy(text, { kind: "session" }).find((f) => f.type === "ERROR");
  if (first) throw malformedSessionPolicy(first);
}
