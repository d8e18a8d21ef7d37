/**
 * Secrets Manager's field readers (see `../json-input.ts`): a field of the
 * wrong type or out of bounds is `InvalidParameterException` naming it.
 */
import { fieldReaders } from "../json-input.js";
import { invalidParameter } from "./errors.js";

export type { Input } from "../json-input.js";

/**
 * The readers, bound to `InvalidParameterException`.
 *
 * @example
 * requiredString({ SecretId: "db" }, "SecretId", 1, 2048); // "db"
 */
export const {
  optionalString,
  requiredString,
  optionalInteger,
  optionalBoolean,
  optionalObjects,
  optionalStrings,
} = fieldReaders(invalidParameter);
