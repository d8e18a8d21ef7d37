/**
 * Query-protocol input: the form-encoded body (and URL query) as one flat
 * map of names to values, and readers for the shapes AWS flattens into it:
 * member lists (`Tags.member.1.Key`), EC2's flattened lists
 * (`Filter.1.Name`, `Filter.1.Value.1`), maps (`Attributes.entry.1.key`) and
 * required parameters, which fail with IAM/STS's `ValidationError` or EC2's
 * `MissingParameter`. A form body over {@link DEFAULT_QUERY_LIMIT} is refused
 * with 413 `RequestEntityTooLarge` before it is parsed.
 */
import { ProtocolError } from "./errors.js";
import type { HttpRequest } from "./http-request.js";

/** The cap on a query-protocol form body (1 MiB), as on JSON bodies. */
export const DEFAULT_QUERY_LIMIT = 1024 * 1024;

/** Query parameters, flat: `{ "Tags.member.1.Key": "team", … }`. */
export type QueryParams = ReadonlyMap<string, string>;

/**
 * Parses `application/x-www-form-urlencoded` text (`+` is a space); the
 * first occurrence of a repeated name wins.
 *
 * @example
 * parseForm("Action=GetRole&RoleName=app+role").get("RoleName"); // "app role"
 */
export function parseForm(text: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const pair of text.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const name = decodeForm(eq < 0 ? pair : pair.slice(0, eq));
    if (!params.has(name)) params.set(name, eq < 0 ? "" : decodeForm(pair.slice(eq + 1)));
  }
  return params;
}

function decodeForm(text: string): string {
  const spaced = text.replace(/\+/g, " ");
  try {
    return decodeURIComponent(spaced);
  } catch {
    throw new ProtocolError("MalformedQueryString", 400, `malformed escape in \`${text}\``);
  }
}

/**
 * The query parameters of a request: the URL query, then a form body over
 * it; 413 `RequestEntityTooLarge` when a form body is over `limit` bytes.
 *
 * @example
 * queryParams(request).get("Action"); // "CreateRole"
 */
export function queryParams(
  request: HttpRequest,
  limit = DEFAULT_QUERY_LIMIT,
): Map<string, string> {
  const params = new Map<string, string>();
  for (const [name, value] of Object.entries(request.query)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) params.set(name, first);
  }
  const type = request.headers["content-type"] ?? "";
  if (type.startsWith("application/x-www-form-urlencoded") && request.body.length > 0) {
    if (request.body.length > limit) {
      throw new ProtocolError(
        "RequestEntityTooLarge",
        413,
        `request body of ${request.body.length} bytes is larger than the limit of ${limit} bytes`,
      );
    }
    const text = Buffer.from(request.body).toString("utf8");
    for (const [name, value] of parseForm(text)) params.set(name, value);
  }
  return params;
}

/** How a service writes lists: IAM/STS with `.member.N`, EC2 flat `.N`. */
export type ListStyle = "member" | "flat";

/**
 * The prefixes of a list's items, in index order: `["Tags.member.1", …]`.
 *
 * @example
 * listItems(params, "Tags", "member"); // ["Tags.member.1", "Tags.member.2"]
 */
export function listItems(params: QueryParams, name: string, style: ListStyle): string[] {
  const base = style === "member" ? `${name}.member.` : `${name}.`;
  const indexes = new Set<number>();
  for (const key of params.keys()) {
    if (!key.startsWith(base)) continue;
    const digits = /^(\d+)(?:\.|$)/.exec(key.slice(base.length))?.[1];
    if (digits !== undefined) indexes.add(Number(digits));
  }
  return [...indexes].sort((a, b) => a - b).map((i) => `${base}${i}`);
}

/**
 * A list of strings (`Value.1`, `Value.2` or `Value.member.1`, …).
 *
 * @example
 * stringList(params, "Filter.1.Value", "flat"); // ["subnet-1", "subnet-2"]
 */
export function stringList(params: QueryParams, name: string, style: ListStyle): string[] {
  return listItems(params, name, style).flatMap((prefix) => {
    const value = params.get(prefix);
    return value === undefined ? [] : [value];
  });
}

/**
 * A list of structures, each read from its item prefix.
 *
 * @example
 * structList(params, "Tags", "member", (p) => ({ Key: params.get(`${p}.Key`) }));
 */
export function structList<T>(
  params: QueryParams,
  name: string,
  style: ListStyle,
  read: (prefix: string) => T,
): T[] {
  return listItems(params, name, style).map(read);
}

/**
 * A map sent as `Name.entry.N.key` / `Name.entry.N.value`.
 *
 * @example
 * queryMap(params, "Attributes"); // { Policy: "…" }
 */
export function queryMap(params: QueryParams, name: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const prefix of listItems(params, `${name}.entry`, "flat")) {
    const key = params.get(`${prefix}.key`);
    const value = params.get(`${prefix}.value`);
    if (key !== undefined && value !== undefined) map[key] = value;
  }
  return map;
}

/**
 * A required parameter, or the error the service family answers with.
 *
 * @example
 * requireParam(params, "RoleName", "query");
 * // throws ValidationError "1 validation error detected: Value null at 'roleName' failed …"
 */
export function requireParam(params: QueryParams, name: string, style: "query" | "ec2"): string {
  const value = params.get(name);
  if (value !== undefined) return value;
  if (style === "ec2") {
    throw new ProtocolError(
      "MissingParameter",
      400,
      `The request must contain the parameter ${name}`,
    );
  }
  const member = name.charAt(0).toLowerCase() + name.slice(1);
  throw new ProtocolError(
    "ValidationError",
    400,
    `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
  );
}
