/**
 * Reading EFS rest-json input: path-label ids (an id or, where EFS allows,
 * an ARN), query-string page sizes and markers, and typed body members.
 * A malformed id is refused as EFS's front door does, with
 * `ValidationException` and its "1 validation error detected" wording; a
 * member of the wrong type or a missing required member is `BadRequest`.
 */
import { MAX_PAGE_SIZE } from "../../services/efs/assumptions.js";
import { badRequest, validationException } from "../../services/efs/errors.js";
import type { EfsTag } from "../../services/efs/model.js";
import type { RestInput } from "./rest-binding.js";

/** The kinds of EFS ids, with the pattern the EFS API gives each. */
const ID_PATTERNS = {
  fs: /^(?:arn:aws[-a-z]*:elasticfilesystem:[0-9a-z-:]+:file-system\/)?(fs-[0-9a-f]{8,40})$/,
  fsap: /^(?:arn:aws[-a-z]*:elasticfilesystem:[0-9a-z-:]+:access-point\/)?(fsap-[0-9a-f]{8,40})$/,
  fsmt: /^(fsmt-[0-9a-f]{8,40})$/,
} as const;

/**
 * An id (the bare id, from an id or ARN), or ValidationException.
 *
 * @example
 * efsId("fs", "fs-0123456789abcdef0", "fileSystemId"); // "fs-0123456789abcdef0"
 */
export function efsId(kind: keyof typeof ID_PATTERNS, value: string, member: string): string {
  const id = ID_PATTERNS[kind].exec(value)?.[1];
  if (id === undefined)
    throw validationException(
      `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${ID_PATTERNS[kind].source}`,
    );
  return id;
}

/**
 * One query-string value (the first when repeated).
 *
 * @example
 * queryText(input, "Marker"); // "fs-0123456789abcdef0" or undefined
 */
export function queryText(input: RestInput, name: string): string | undefined {
  const value = input.query[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * A page size from the query string, or the default.
 *
 * @example
 * pageSize(input, "MaxItems", 100); // 100 when absent
 */
export function pageSize(input: RestInput, name: string, fallback: number): number {
  const text = queryText(input, name);
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > MAX_PAGE_SIZE)
    throw badRequest(`${name} \`${text}\` must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  return n;
}

/**
 * An optional string member of the body.
 *
 * @example
 * bodyText(input.body, "SubnetId"); // "subnet-…" or undefined
 */
export function bodyText(
  body: Readonly<Record<string, unknown>>,
  name: string,
): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string")
    throw badRequest(`${name} must be a string, not ${typeName(value)}`);
  return value;
}

/**
 * A required string member of the body.
 *
 * @example
 * requiredText(input.body, "FileSystemId");
 */
export function requiredText(body: Readonly<Record<string, unknown>>, name: string): string {
  const value = bodyText(body, name);
  if (value === undefined) throw badRequest(`${name} is required`);
  return value;
}

/**
 * An optional boolean member of the body.
 *
 * @example
 * bodyFlag(input.body, "Encrypted"); // true, false or undefined
 */
export function bodyFlag(
  body: Readonly<Record<string, unknown>>,
  name: string,
): boolean | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean")
    throw badRequest(`${name} must be a boolean, not ${typeName(value)}`);
  return value;
}

/**
 * An optional whole-number member of a JSON object, within bounds.
 *
 * @example
 * bodyInteger({ Uid: 1000 }, "Uid", 0, 4294967295); // 1000
 */
export function bodyInteger(
  body: Readonly<Record<string, unknown>>,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max)
    throw badRequest(`${name} must be an integer from ${min} to ${max}`);
  return value;
}

/**
 * An optional list of strings from the body.
 *
 * @example
 * bodyTextList(input.body, "SecurityGroups"); // ["sg-…"] or undefined
 */
export function bodyTextList(
  body: Readonly<Record<string, unknown>>,
  name: string,
): string[] | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string"))
    throw badRequest(`${name} must be a list of strings`);
  return value as string[];
}

/**
 * An optional JSON object member of the body.
 *
 * @example
 * bodyObject(input.body, "PosixUser"); // { Uid: 1000, Gid: 1000 } or undefined
 */
export function bodyObject(
  body: Readonly<Record<string, unknown>>,
  name: string,
): Readonly<Record<string, unknown>> | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value))
    throw badRequest(`${name} must be an object, not ${typeName(value)}`);
  return value as Record<string, unknown>;
}

/**
 * The `Tags` member (`[{Key, Value}]`) as tags; `[]` when absent.
 *
 * @example
 * bodyTags({ Tags: [{ Key: "Name", Value: "data" }] }); // [{ key: "Name", value: "data" }]
 */
export function bodyTags(body: Readonly<Record<string, unknown>>, name = "Tags"): EfsTag[] {
  const value = body[name];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badRequest(`${name} must be a list of tags`);
  return value.map((item, i) => {
    if (typeof item !== "object" || item === null || Array.isArray(item))
      throw badRequest(`${name}[${i}] must be an object with Key and Value`);
    const tag = item as Record<string, unknown>;
    const key = tag.Key;
    const val = tag.Value;
    if (typeof key !== "string" || typeof val !== "string")
      throw badRequest(`${name}[${i}] must have a string Key and a string Value`);
    return { key, value: val };
  });
}

function typeName(value: unknown): string {
  return Array.isArray(value) ? "a list" : `a ${typeof value}`;
}
