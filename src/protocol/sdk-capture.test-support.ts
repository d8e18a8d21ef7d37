/**
 * Test support: a request handler for real AWS SDK v3 clients that records
 * each signed request instead of sending it and answers with a canned HTTP
 * response, plus the conversion of a recorded request into the protocol's
 * `HttpRequest` value. Lets tests sign with the SDK's own signer and feed
 * accesslab's rendered bodies to the SDK's own deserializers, without a
 * socket. Imports nothing from the SDK: the handler shape is structural.
 */
import type { HttpRequest } from "./http-request.js";
import type { HttpResponse } from "./http-response.js";

/** The parts of the SDK's request object that tests read. */
export interface SdkRequest {
  method: string;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

/** A recording handler and what it recorded. */
export interface Capture {
  readonly requests: HttpRequest[];
  readonly requestHandler: {
    handle(request: SdkRequest): Promise<{ response: unknown }>;
  };
}

/**
 * A handler that records requests and answers each with `answer(request)`.
 *
 * @example
 * const capture = captureRequests(() => ({ status: 200, headers: {}, body: "<x/>" }));
 * new STSClient({ requestHandler: capture.requestHandler, … });
 */
export function captureRequests(
  answer: (request: HttpRequest) => HttpResponse = () => ({
    status: 500,
    headers: {},
    body: "",
  }),
): Capture {
  const requests: HttpRequest[] = [];
  return {
    requests,
    requestHandler: {
      async handle(sdkRequest) {
        const request = toHttpRequest(sdkRequest);
        requests.push(request);
        const response = answer(request);
        return {
          response: {
            statusCode: response.status,
            headers: response.headers,
            body: new Uint8Array(Buffer.from(response.body, "utf8")),
          },
        };
      },
    },
  };
}

/** The protocol value for a request the SDK built and signed. */
export function toHttpRequest(sdk: SdkRequest): HttpRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(sdk.headers)) headers[name.toLowerCase()] = value;
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(sdk.query ?? {})) {
    if (value !== null) query[name] = value;
  }
  const body =
    typeof sdk.body === "string"
      ? new Uint8Array(Buffer.from(sdk.body, "utf8"))
      : sdk.body instanceof Uint8Array
        ? sdk.body
        : new Uint8Array();
  return { method: sdk.method, path: sdk.path, query, headers, body };
}

/** A copy of `request` with some fields replaced. */
export function alter(request: HttpRequest, change: Partial<HttpRequest>): HttpRequest {
  return { ...request, ...change };
}
