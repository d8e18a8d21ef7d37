/**
 * Reading a JSON 1.1 input object field by field: each reader checks the
 * type (and bounds where given) and throws `InvalidParameterException`
 * naming the field, so a wrong type is a clear 400 and never a crash.
 */
import { invalidParameter } from "./errors.js";

/** A parsed request body. */
export type Input = Readonly<Record<string, unknown>>;

/**
 * An optional string field, length-checked.
 *
 * @example
 * optionalString({ Name: "db" }, "Name", 1, 512); // "db"
 */
export function optionalString(
  input: Input,
  field: string,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): string | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") {
    throw invalidParameter(`\`${field}\` must be a string, not ${typeof value}`);
  }
  if (value.length < min || value.length > max) {
    throw invalidParameter(`\`${field}\` must be ${min} to ${max} characters long`);
  }
  return value;
}

/**
 * A required string field.
 *
 * @example
 * requiredString({ SecretId: "db" }, "SecretId", 1, 2048); // "db"
 */
export function requiredString(input: Input, field: string, min = 1, max?: number): string {
  const value = optionalString(input, field, min, max);
  if (value === undefined) throw invalidParameter(`\`${field}\` is required`);
  return value;
}

/**
 * An optional boolean field.
 *
 * @example
 * optionalBoolean({ BlockPublicPolicy: true }, "BlockPublicPolicy"); // true
 */
export function optionalBoolean(input: Input, field: string): boolean | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") throw invalidParameter(`\`${field}\` must be a boolean`);
  return value;
}

/**
 * An optional integer field within bounds.
 *
 * @example
 * optionalInteger({ MaxResults: 10 }, "MaxResults", 1, 100); // 10
 */
export function optionalInteger(
  input: Input,
  field: string,
  min: number,
  max: number,
): number | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw invalidParameter(`\`${field}\` must be an integer from ${min} to ${max}`);
  }
  return value;
}

/**
 * An optional list of objects.
 *
 * @example
 * optionalObjects({ Tags: [{ Key: "a", Value: "b" }] }, "Tags"); // [{ Key: "a", Value: "b" }]
 */
export function optionalObjects(input: Input, field: string): Input[] | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (
    !Array.isArray(value) ||
    !value.every((v) => typeof v === "object" && v !== null && !Array.isArray(v))
  ) {
    throw invalidParameter(`\`${field}\` must be a list of objects`);
  }
  return value as Input[];
}

/**
 * An optional list of strings.
 *
 * @example
 * optionalStrings({ Values: ["db"] }, "Values"); // ["db"]
 */
export function optionalStrings(input: Input, field: string): string[] | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
    throw invalidParameter(`\`${field}\` must be a list of strings`);
  }
  return value as string[];
}
