/**
 * FSx's field readers (see `../json-input.ts`): a field of the wrong type
 * or out of bounds is `BadRequest` naming it.
 */
import { fieldReaders } from "../json-input.js";
import { badRequest } from "./errors.js";

export type { Input } from "../json-input.js";

/**
 * The readers, bound to `BadRequest`.
 *
 * @example
 * requiredString({ FileSystemId: "fs-1" }, "FileSystemId"); // "fs-1"
 */
export const {
  optionalString,
  requiredString,
  optionalInteger,
  optionalBoolean,
  optionalObject,
  optionalObjects,
  optionalStrings,
} = fieldReaders(badRequest);
