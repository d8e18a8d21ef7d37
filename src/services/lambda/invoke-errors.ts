/**
 * Errors of Lambda's Invoke operation with their AWS identity:
 * `InvalidRequestContentException` (400) for a payload that is not JSON,
 * `RequestTooLargeException` (413) for a payload over the invocation
 * type's limit, and `ServiceException` (500) when this accesslab has no
 * runtime to run code with.
 */

import { LambdaError } from "./errors.js";
import {
  INVOKE_ASYNC_MAX_PAYLOAD_BYTES,
  INVOKE_SYNC_MAX_PAYLOAD_BYTES,
  NO_RUNTIME_MESSAGE,
} from "./invoke-assumptions.js";

/**
 * `InvalidRequestContentException` (400): the payload is not JSON. The
 * prefix is Lambda's; the detail after it is the JSON parser's.
 *
 * @example
 * invalidPayload("Unexpected token").message;
 * // "Could not parse request body into json: Could not parse payload into json: Unexpected token"
 */
export const invalidPayload = (detail: string) =>
  new LambdaError(
    "InvalidRequestContentException",
    400,
    `Could not parse request body into json: Could not parse payload into json: ${detail}`,
  );

/**
 * `RequestTooLargeException` (413) with Lambda's wording for the operation.
 *
 * @example
 * payloadTooLarge("RequestResponse").message;
 * // "Request must be smaller than 6291456 bytes for the InvokeFunction operation"
 */
export const payloadTooLarge = (type: "RequestResponse" | "Event") =>
  new LambdaError(
    "RequestTooLargeException",
    413,
    type === "Event"
      ? `Request must be smaller than ${INVOKE_ASYNC_MAX_PAYLOAD_BYTES} bytes for the InvokeAsync operation`
      : `Request must be smaller than ${INVOKE_SYNC_MAX_PAYLOAD_BYTES} bytes for the InvokeFunction operation`,
  );

/**
 * `ServiceException` (500): no runner was configured (e.g. inside `check`).
 *
 * @example
 * noRuntime().code; // "ServiceException"
 */
export const noRuntime = () => new LambdaError("ServiceException", 500, NO_RUNTIME_MESSAGE);
