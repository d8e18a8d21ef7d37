/**
 * Readers for the optional and typed query parameters IAM and STS take:
 * an optional string, an integer (a non-integer is a `ValidationError`
 * worded as AWS does), a boolean, and the `Tags.member.N.Key/Value` list.
 * Required strings use the protocol's `requireParam`.
 */
import { ProtocolError } from "../../protocol/errors.js";
import { type QueryParams, structList } from "../../protocol/query.js";
import type { Tag } from "../../services/iam/model.js";

/**
 * `{ [key]: value }` when the parameter is present, else `{}`, for spreading
 * into inputs with exact optional properties.
 *
 * @example
 * createRole(ctx, { roleName, ...optional(params, "Path", "path") });
 */
export function optional<K extends string>(
  params: QueryParams,
  name: string,
  key: K,
): { [P in K]?: string } {
  const value = params.get(name);
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

/**
 * An optional integer parameter.
 *
 * @example
 * optionalInt(params, "MaxItems"); // 2, or undefined
 */
export function optionalInt(params: QueryParams, name: string): number | undefined {
  const text = params.get(name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === "" || !Number.isInteger(value)) {
    const member = name.charAt(0).toLowerCase() + name.slice(1);
    throw new ProtocolError(
      "ValidationError",
      400,
      `1 validation error detected: Value '${text}' at '${member}' failed to satisfy constraint: Member must be an integer`,
    );
  }
  return value;
}

/**
 * The `Tags` list (`Tags.member.N.Key` / `.Value`), or `undefined` when absent.
 *
 * @example
 * tags(params); // [{ key: "team", value: "a" }]
 */
export function tags(params: QueryParams): Tag[] | undefined {
  const list = structList(params, "Tags", "member", (p) => ({
    key: params.get(`${p}.Key`) ?? "",
    value: params.get(`${p}.Value`) ?? "",
  }));
  return list.length === 0 ? undefined : list;
}

/**
 * Marker/MaxItems as the IAM list operations take them.
 *
 * @example
 * listRoles(ctx, pageRequest(params));
 */
export function pageRequest(params: QueryParams): { marker?: string; maxItems?: number } {
  const marker = params.get("Marker");
  const maxItems = optionalInt(params, "MaxItems");
  return {
    ...(marker !== undefined ? { marker } : {}),
    ...(maxItems !== undefined ? { maxItems } : {}),
  };
}
