/**
 * Successful JSON answers: JSON 1.1 (`application/x-amz-json-1.1`, always
 * 200, `{}` for an empty output) and rest-json (`application/json`, the
 * operation's own status, no body for an output-less operation such as a
 * 204 delete). Timestamps are written as epoch seconds, as both protocols
 * do by default: a `Date` anywhere in the output becomes a number.
 */
import type { HttpResponse } from "./http-response.js";

/**
 * Serializes an output value with dates as epoch seconds.
 *
 * @example
 * jsonText({ CreatedDate: new Date(1500) }); // '{"CreatedDate":1.5}'
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, converted) {
    const raw = this[key];
    return raw instanceof Date ? raw.getTime() / 1000 : converted;
  });
}

/**
 * A JSON 1.1 success answer.
 *
 * @example
 * renderJson11({ Name: "db" }, "r-1").headers["content-type"]; // "application/x-amz-json-1.1"
 */
export function renderJson11(output: unknown, requestId: string): HttpResponse {
  return {
    status: 200,
    headers: { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": requestId },
    body: jsonText(output ?? {}),
  };
}

/**
 * A rest-json success answer with the operation's status.
 *
 * @example
 * renderRestJson(201, { FileSystemId: "fs-0123456789abcdef0" }, "r-1").status; // 201
 * renderRestJson(204, undefined, "r-1").body; // ""
 */
export function renderRestJson(status: number, output: unknown, requestId: string): HttpResponse {
  const idHeader = { "x-amzn-requestid": requestId };
  if (output === undefined) return { status, headers: idHeader, body: "" };
  return {
    status,
    headers: { "content-type": "application/json", ...idHeader },
    body: jsonText(output),
  };
}
