/**
 * Reading an ECS JSON 1.1 input field by field: each reader checks the
 * type (and bounds where given) and throws `InvalidParameterException`
 * naming the field (with its path inside nested objects), so a wrong type
 * is a clear 400 and never a crash.
 */
import { invalidParameter } from "./errors.js";

/** A parsed request body, or a nested object of it. */
export type Input = Readonly<Record<string, unknown>>;

const where = (path: string, field: string) => (path === "" ? field : `${path}.${field}`);

/**
 * An optional string field.
 *
 * @example
 * optionalString({ family: "app" }, "family"); // "app"
 */
export function optionalString(input: Input, field: string, path = ""): string | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string")
    throw invalidParameter(`\`${where(path, field)}\` must be a string, not ${typeof value}`);
  return value;
}

/**
 * A required, non-empty string field.
 *
 * @example
 * requiredString({ taskDefinition: "app:1" }, "taskDefinition"); // "app:1"
 */
export function requiredString(input: Input, field: string, path = ""): string {
  const value = optionalString(input, field, path);
  if (value === undefined || value === "")
    throw invalidParameter(`\`${where(path, field)}\` is required`);
  return value;
}

/**
 * An optional list of strings.
 *
 * @example
 * optionalStrings({ command: ["node", "app.mjs"] }, "command"); // ["node", "app.mjs"]
 */
export function optionalStrings(input: Input, field: string, path = ""): string[] | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string"))
    throw invalidParameter(`\`${where(path, field)}\` must be a list of strings`);
  return value as string[];
}

/**
 * An optional boolean field.
 *
 * @example
 * optionalBoolean({ essential: false }, "essential"); // false
 */
export function optionalBoolean(input: Input, field: string, path = ""): boolean | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean")
    throw invalidParameter(`\`${where(path, field)}\` must be a boolean`);
  return value;
}

/**
 * An optional integer field within bounds.
 *
 * @example
 * optionalInteger({ count: 1 }, "count", 1, 10); // 1
 */
export function optionalInteger(
  input: Input,
  field: string,
  min: number,
  max: number,
): number | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max)
    throw invalidParameter(`\`${field}\` must be an integer from ${min} to ${max}`);
  return value;
}

/**
 * An optional nested object.
 *
 * @example
 * optionalObject({ overrides: {} }, "overrides"); // {}
 */
export function optionalObject(input: Input, field: string, path = ""): Input | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value))
    throw invalidParameter(`\`${where(path, field)}\` must be an object`);
  return value as Input;
}

/**
 * An optional list of objects.
 *
 * @example
 * optionalObjects({ containerDefinitions: [{ name: "app" }] }, "containerDefinitions")?.length; // 1
 */
export function optionalObjects(input: Input, field: string, path = ""): Input[] | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (
    !Array.isArray(value) ||
    value.some((item) => typeof item !== "object" || item === null || Array.isArray(item))
  )
    throw invalidParameter(`\`${where(path, field)}\` must be a list of objects`);
  return value as Input[];
}

/**
 * An optional `[{name, value}]` list (a container's `environment`).
 *
 * @example
 * keyValuePairs({ environment: [{ name: "A", value: "1" }] }, "environment"); // [{ name: "A", value: "1" }]
 */
export function keyValuePairs(
  input: Input,
  field: string,
  path = "",
): { name: string; value: string }[] | undefined {
  const list = optionalObjects(input, field, path);
  return list?.map((pair, i) => {
    const at = `${where(path, field)}[${i}]`;
    return {
      name: requiredString(pair, "name", at),
      value: optionalString(pair, "value", at) ?? "",
    };
  });
}
