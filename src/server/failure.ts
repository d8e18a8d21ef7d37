/**
 * How a thrown error leaves the chain: an AWS error (any service's, or the
 * protocol's) is rendered as is in the request's wire format; anything else
 * is a bug, answered as 500 `InternalFailure` and logged with the request
 * id, the operation and the stack. Nothing from the request (headers,
 * body, keys) goes into the log line.
 */
import { renderError } from "../protocol/error-response.js";
import { isAwsError, toAwsError } from "../protocol/errors.js";
import type { HttpResponse } from "../protocol/http-response.js";
import type { ServerEnv } from "./env.js";
import type { Exchange } from "./exchange.js";

/**
 * The response for an error thrown while handling `exchange`.
 *
 * @example
 * renderFailure(exchange, env, new TypeError("boom")).status; // 500, and one line logged
 */
export function renderFailure(exchange: Exchange, env: ServerEnv, thrown: unknown): HttpResponse {
  if (!isAwsError(thrown)) {
    const where = exchange.route
      ? `${exchange.route.service}.${exchange.route.operation ?? "?"}`
      : "unrouted request";
    const cause = thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown);
    env.log(`accesslab: internal failure in ${where} (request ${exchange.requestId}): ${cause}`);
  }
  return renderError(toAwsError(thrown), {
    format: exchange.format,
    requestId: exchange.requestId,
    ...(exchange.route ? { service: exchange.route.service } : {}),
  });
}
