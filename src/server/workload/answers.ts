/**
 * The responses of the workload credentials endpoints, which speak neither
 * an AWS API protocol nor its error format: JSON documents, `{Code,
 * Message}` JSON errors (what the SDK's `fromHttp` parses, aws-facts D5) and
 * IMDS's plain text.
 */
import type { HttpResponse } from "../../protocol/http-response.js";

/**
 * A JSON answer.
 *
 * @example
 * jsonAnswer(200, { Code: "Success" }).headers["content-type"]; // "application/json"
 */
export function jsonAnswer(status: number, value: unknown): HttpResponse {
  return {
    status,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(value),
  };
}

/**
 * A `{Code, Message}` error answer.
 *
 * @example
 * errorAnswer(400, "InvalidIdInRequest", "CredentialsV2Request: Credentials not found").status; // 400
 */
export function errorAnswer(status: number, code: string, message: string): HttpResponse {
  return jsonAnswer(status, { Code: code, Message: message });
}

/**
 * A plain text answer, as IMDS gives.
 *
 * @example
 * textAnswer(200, "web").body; // "web"
 */
export function textAnswer(
  status: number,
  text: string,
  headers: Record<string, string> = {},
): HttpResponse {
  return { status, headers: { "content-type": "text/plain", ...headers }, body: text };
}

/** The HTTP reason phrases IMDS answers errors with. */
const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
};

/**
 * IMDS's error answer: the status and its reason phrase.
 *
 * @example
 * imdsError(401).body; // "401 - Unauthorized"
 */
export function imdsError(status: number): HttpResponse {
  return textAnswer(status, `${status} - ${REASONS[status] ?? "Error"}`);
}
