/**
 * Checks of the Lambda API model's constraints (lengths, ranges, patterns,
 * list sizes), collected the way Lambda reports them: every violation as
 * "Value '<v>' at '<member>' failed to satisfy constraint: …", all of them
 * in one `ValidationException` ("2 validation errors detected: …; …").
 */
import { validationFailed } from "./errors.js";

/** Collects constraint violations for one request. */
export class ShapeChecks {
  private readonly problems: string[] = [];

  /**
   * Notes a violation when `ok` is false.
   *
   * @example
   * checks.require(timeout >= 1, timeout, "timeout", "Member must have value greater than or equal to 1");
   */
  require(ok: boolean, value: unknown, member: string, constraint: string): void {
    if (ok) return;
    this.problems.push(
      `Value '${shown(value)}' at '${member}' failed to satisfy constraint: ${constraint}`,
    );
  }

  /**
   * A required member that is present (Lambda: "Value null at 'role' failed to satisfy constraint: Member must not be null").
   *
   * @example
   * checks.notNull(body.Role, "role");
   */
  notNull(value: unknown, member: string): void {
    if (value === undefined || value === null)
      this.problems.push(
        `Value null at '${member}' failed to satisfy constraint: Member must not be null`,
      );
  }

  /**
   * A string's length within `min..max`.
   *
   * @example
   * checks.length(description, "description", 0, 256);
   */
  length(value: string | undefined, member: string, min: number, max: number): void {
    if (value === undefined) return;
    this.require(
      value.length >= min,
      value,
      member,
      `Member must have length greater than or equal to ${min}`,
    );
    this.require(
      value.length <= max,
      value,
      member,
      `Member must have length less than or equal to ${max}`,
    );
  }

  /**
   * A number within `min..max`.
   *
   * @example
   * checks.range(memorySize, "memorySize", 128, 10240);
   */
  range(value: number | undefined, member: string, min: number, max?: number): void {
    if (value === undefined) return;
    this.require(
      value >= min,
      value,
      member,
      `Member must have value greater than or equal to ${min}`,
    );
    if (max !== undefined)
      this.require(
        value <= max,
        value,
        member,
        `Member must have value less than or equal to ${max}`,
      );
  }

  /**
   * A string matching the model's pattern (given as Lambda prints it).
   *
   * @example
   * checks.pattern(path, "fileSystemConfigs.1.member.localMountPath", "^/mnt/[a-zA-Z0-9-_.]+$");
   */
  pattern(value: string | undefined, member: string, pattern: string): void {
    if (value === undefined) return;
    const anchored = pattern.startsWith("^") ? pattern : `^(?:${pattern})$`;
    this.require(
      new RegExp(anchored).test(value),
      value,
      member,
      `Member must satisfy regular expression pattern: ${pattern}`,
    );
  }

  /**
   * Throws the collected violations, if any.
   *
   * @example
   * checks.throwIfAny(); // ValidationException "1 validation error detected: …"
   */
  throwIfAny(): void {
    if (this.problems.length > 0) throw validationFailed(this.problems);
  }
}

function shown(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(shown).join(", ")}]`;
  return String(value);
}
