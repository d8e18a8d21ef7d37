/**
 * Reading a JSON 1.1 request body field by field, for the services whose
 * inputs are plain JSON objects (Secrets Manager, FSx): each reader checks
 * the field's type, and its bounds where given, and throws the service's
 * own invalid-input error naming the field, so a wrong type is a clear 400
 * and never a crash. A service binds the readers to its error once.
 */

/** A parsed request body or one of its objects. */
export type Input = Readonly<Record<string, unknown>>;

/** The readers, bound to one service's error. */
export interface FieldReaders {
  /** An optional string, `min` to `max` characters long. */
  optionalString(input: Input, field: string, min?: number, max?: number): string | undefined;
  /** A required string, `min` (1 by default) to `max` characters long. */
  requiredString(input: Input, field: string, min?: number, max?: number): string;
  /** An optional integer from `min` to `max`. */
  optionalInteger(input: Input, field: string, min: number, max: number): number | undefined;
  optionalBoolean(input: Input, field: string): boolean | undefined;
  optionalObject(input: Input, field: string): Input | undefined;
  /** An optional list of objects, with at most `max` items when given. */
  optionalObjects(input: Input, field: string, max?: number): Input[] | undefined;
  /** An optional list of strings, with at most `max` items when given. */
  optionalStrings(input: Input, field: string, max?: number): string[] | undefined;
}

const isObject = (v: unknown): v is Input =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The readers for a service whose invalid input is `invalid(message)`.
 *
 * @example
 * const { requiredString } = fieldReaders(badRequest);
 * requiredString({ FileSystemId: "fs-1" }, "FileSystemId"); // "fs-1"
 */
export function fieldReaders(invalid: (message: string) => Error): FieldReaders {
  const present = (input: Input, field: string): unknown => {
    const value = input[field];
    return value === null ? undefined : value;
  };
  const withinCount = <T>(field: string, items: T[], max: number | undefined): T[] => {
    if (max !== undefined && items.length > max)
      throw invalid(`\`${field}\` takes at most ${max} items`);
    return items;
  };
  const readers: FieldReaders = {
    optionalString(input, field, min = 0, max = Number.MAX_SAFE_INTEGER) {
      const value = present(input, field);
      if (value === undefined) return undefined;
      if (typeof value !== "string")
        throw invalid(`\`${field}\` must be a string, not ${typeof value}`);
      if (value.length < min || value.length > max)
        throw invalid(`\`${field}\` must be ${min} to ${max} characters long`);
      return value;
    },
    requiredString(input, field, min = 1, max) {
      const value = readers.optionalString(input, field, min, max);
      if (value === undefined) throw invalid(`\`${field}\` is required`);
      return value;
    },
    optionalInteger(input, field, min, max) {
      const value = present(input, field);
      if (value === undefined) return undefined;
      if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max)
        throw invalid(`\`${field}\` must be an integer from ${min} to ${max}`);
      return value;
    },
    optionalBoolean(input, field) {
      const value = present(input, field);
      if (value === undefined) return undefined;
      if (typeof value !== "boolean") throw invalid(`\`${field}\` must be a boolean`);
      return value;
    },
    optionalObject(input, field) {
      const value = present(input, field);
      if (value === undefined) return undefined;
      if (!isObject(value)) throw invalid(`\`${field}\` must be an object`);
      return value;
    },
    optionalObjects(input, field, max) {
      const value = present(input, field);
      if (value === undefined) return undefined;
      if (!Array.isArray(value) || !value.every(isObject))
        throw invalid(`\`${field}\` must be a list of objects`);
      return withinCount(field, value, max);
    },
    optionalStrings(input, field, max) {
      const value = present(input, field);
      if (value === undefined) return undefined;
      if (!Array.isArray(value) || !value.every((v) => typeof v === "string"))
        throw invalid(`\`${field}\` must be a list of strings`);
      return withinCount(field, value as string[], max);
    },
  };
  return readers;
}
