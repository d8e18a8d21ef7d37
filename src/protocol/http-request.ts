/**
 * The incoming request as a plain value: method, raw path, decoded query,
 * lower-cased headers and the body bytes. Everything in `protocol/` works on
 * this value, so it is testable without sockets; the server builds it once
 * per request with `fromIncomingMessage` after reading the body.
 */
import type { IncomingMessage } from "node:http";

/** An HTTP request as the protocol layer sees it. */
export interface HttpRequest {
  readonly method: string;
  /** The path exactly as sent, still percent-encoded (SigV4 signs it so). */
  readonly path: string;
  /**
   * The path the client signed, when it differs from `path` (a routing
   * prefix such as `/_vpce/<id>` was taken off); SigV4 verifies this one.
   */
  readonly signedPath?: string;
  /** Query parameters, percent-decoded; a repeated name gives an array. */
  readonly query: Record<string, string | string[]>;
  /** Header names lower-cased; repeated headers joined with `,`. */
  readonly headers: Record<string, string>;
  readonly body: Uint8Array;
}

/**
 * Splits a raw query string into decoded parameters. `+` stays a plus sign
 * (SigV4 clients encode spaces as `%20`); a bad escape keeps the raw text.
 *
 * @example
 * parseQueryString("a=1&b=x%20y&a=2"); // { a: ["1", "2"], b: "x y" }
 */
export function parseQueryString(raw: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const pair of raw.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const name = safeDecode(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? "" : safeDecode(pair.slice(eq + 1));
    const previous = Object.hasOwn(query, name) ? query[name] : undefined;
    if (previous === undefined) query[name] = value;
    else query[name] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return query;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Builds the request value from node's message and the body already read.
 *
 * @example
 * const body = new Uint8Array(await buffer(message));
 * const request = fromIncomingMessage(message, body);
 */
export function fromIncomingMessage(message: IncomingMessage, body: Uint8Array): HttpRequest {
  const target = message.url ?? "/";
  const q = target.indexOf("?");
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(",") : value;
  }
  return {
    method: (message.method ?? "GET").toUpperCase(),
    path: q < 0 ? target : target.slice(0, q),
    query: q < 0 ? {} : parseQueryString(target.slice(q + 1)),
    headers,
    body,
  };
}
