/**
 * Reading an FSx JSON 1.1 input object field by field: each reader checks
 * the type (and bounds where given) and throws `BadRequest` naming the
 * field, so a wrong type is a clear 400 and never a crash.
 */
import { badRequest } from "./errors.js";

/** A parsed request body or one of its objects. */
export type Input = Readonly<Record<string, unknown>>;

/**
 * An optional string, length-checked.
 *
 * @example
 * optionalString({ DomainName: "corp.example.com" }, "DomainName", 1, 255); // "corp.example.com"
 */
export function optionalString(
  input: Input,
  field: string,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): string | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw badRequest(`\`${field}\` must be a string`);
  if (value.length < min || value.length > max) {
    throw badRequest(`\`${field}\` must be ${min} to ${max} characters long`);
  }
  return value;
}

/**
 * A required string.
 *
 * @example
 * requiredString({ FileSystemId: "fs-1" }, "FileSystemId"); // "fs-1"
 */
export function requiredString(input: Input, field: string, min = 1, max?: number): string {
  const value = optionalString(input, field, min, max);
  if (value === undefined) throw badRequest(`\`${field}\` is required`);
  return value;
}

/**
 * An optional integer within bounds.
 *
 * @example
 * optionalInteger({ MaxResults: 10 }, "MaxResults", 1, 2147483647); // 10
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
    throw badRequest(`\`${field}\` must be an integer from ${min} to ${max}`);
  }
  return value;
}

/**
 * An optional boolean.
 *
 * @example
 * optionalBoolean({ CopyTagsToBackups: true }, "CopyTagsToBackups"); // true
 */
export function optionalBoolean(input: Input, field: string): boolean | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") throw badRequest(`\`${field}\` must be a boolean`);
  return value;
}

/**
 * An optional list of strings, with at most `max` items.
 *
 * @example
 * optionalStrings({ SubnetIds: ["subnet-1"] }, "SubnetIds", 50); // ["subnet-1"]
 */
export function optionalStrings(input: Input, field: string, max: number): string[] | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
    throw badRequest(`\`${field}\` must be a list of strings`);
  }
  if (value.length > max) throw badRequest(`\`${field}\` takes at most ${max} items`);
  return value as string[];
}

/**
 * An optional object.
 *
 * @example
 * optionalObject({ WindowsConfiguration: {} }, "WindowsConfiguration"); // {}
 */
export function optionalObject(input: Input, field: string): Input | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) {
    throw badRequest(`\`${field}\` must be an object`);
  }
  return value as Input;
}

/**
 * An optional list of objects, with at most `max` items.
 *
 * @example
 * optionalObjects({ Tags: [{ Key: "a", Value: "b" }] }, "Tags", 50); // [{ Key: "a", Value: "b" }]
 */
export function optionalObjects(input: Input, field: string, max: number): Input[] | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (
    !Array.isArray(value) ||
    !value.every((v) => typeof v === "object" && v !== null && !Array.isArray(v))
  ) {
    throw badRequest(`\`${field}\` must be a list of objects`);
  }
  if (value.length > max) throw badRequest(`\`${field}\` takes at most ${max} items`);
  return value as Input[];
}
