/**
 * JSON 1.1 and rest-json request bodies: size-capped (1 MiB unless told
 * otherwise), strictly UTF-8, and always a JSON object (an empty body is
 * `{}`). Every failure is a `SerializationException` (400) or
 * `RequestEntityTooLargeException` (413) with a message a client can act on,
 * never a raw `SyntaxError`.
 */
import { ProtocolError } from "./errors.js";

/** The default cap on a JSON body. */
export const DEFAULT_JSON_LIMIT = 1024 * 1024;

const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * Parses a JSON request body into an object.
 *
 * @example
 * parseJsonBody(new TextEncoder().encode('{"SecretId":"db"}')); // { SecretId: "db" }
 * parseJsonBody(new TextEncoder().encode("{")); // throws SerializationException
 */
export function parseJsonBody(
  body: Uint8Array,
  limit = DEFAULT_JSON_LIMIT,
): Record<string, unknown> {
  if (body.length > limit) {
    throw new ProtocolError(
      "RequestEntityTooLargeException",
      413,
      `request body of ${body.length} bytes is larger than the limit of ${limit} bytes`,
    );
  }
  let text: string;
  try {
    text = decoder.decode(body);
  } catch {
    throw serialization("request body is not valid UTF-8");
  }
  if (text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw serialization(`request body is not valid JSON: ${detail}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw serialization(
      `request body must be a JSON object, not \`${Array.isArray(value) ? "array" : value === null ? "null" : typeof value}\``,
    );
  }
  return value as Record<string, unknown>;
}

function serialization(message: string): ProtocolError {
  return new ProtocolError("SerializationException", 400, message);
}
