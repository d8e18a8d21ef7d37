/**
 * Turns whatever a handler threw, rejected with or passed to its callback
 * into Lambda's error document, as the Node.js runtime does: an `Error`
 * gives its `name`, `message` and stack lines; any other value gives its
 * `typeof` as the type and its text as the message, with no trace.
 */
import type { ErrorDocument } from "./messages.js";

/**
 * The error document for `thrown`.
 *
 * @example
 * errorDocument(new TypeError("bad")).errorType; // "TypeError"
 * errorDocument("boom"); // { errorType: "string", errorMessage: "boom", trace: [] }
 */
export function errorDocument(thrown: unknown): ErrorDocument {
  if (thrown instanceof Error) {
    return {
      errorType: thrown.name || "Error",
      errorMessage: thrown.message,
      trace: (thrown.stack ?? "").split("\n").filter((line) => line !== ""),
    };
  }
  const text = typeof thrown === "string" ? thrown : safeJson(thrown);
  return { errorType: typeof thrown, errorMessage: text, trace: [] };
}

/**
 * An error document with a fixed type and message (for runtime errors).
 *
 * @example
 * runtimeError("Runtime.HandlerNotFound", "index.handler is undefined or not exported");
 */
export function runtimeError(errorType: string, errorMessage: string): ErrorDocument {
  return { errorType, errorMessage, trace: [] };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
