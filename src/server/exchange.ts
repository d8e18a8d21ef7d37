/**
 * One request's passage through the handler chain: the request id, then
 * what each step learns in order (the parsed request, its route and wire
 * format, the authenticated caller) and finally the response. Steps fill it
 * in; a step that throws ends the chain and the error is rendered in the
 * wire format known so far (query XML before routing).
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Decision } from "../engines/policy/decision.js";
import type { HttpRequest } from "../protocol/http-request.js";
import type { HttpResponse } from "../protocol/http-response.js";
import type { Route } from "../protocol/route.js";
import type { WireFormat } from "../protocol/wire-format.js";
import type { Caller } from "./caller.js";
import type { AccessAsk, PlannedCall, ServiceBinding } from "./handlers/handler.js";
import type { NetworkOrigin } from "./network-origin.js";

export type { Caller } from "./caller.js";

/** The state of one request in the chain. */
export interface Exchange {
  readonly requestId: string;
  /** The raw message, read by the first step. */
  readonly message: IncomingMessage;
  request?: HttpRequest;
  route?: Route;
  /** How errors are written; `query` until the request is routed. */
  format: WireFormat;
  caller?: Caller;
  /** The VPC endpoint the call came through; absent for a call from outside any VPC. */
  network?: NetworkOrigin;
  /** The routed service, once planning starts. */
  binding?: ServiceBinding;
  /** The operation's plan: what to authorize and how to run it. */
  planned?: PlannedCall;
  /** Every policy decision made for this call, in order. */
  readonly decisions: { readonly ask: AccessAsk; readonly decision: Decision }[];
  response?: HttpResponse;
}

/**
 * A fresh exchange with a new request id.
 *
 * @example
 * newExchange(message).format; // "query"
 */
export function newExchange(message: IncomingMessage, requestId: string = randomUUID()): Exchange {
  return { requestId, message, format: "query", decisions: [] };
}
