/**
 * Step 2: decides the service and operation (`routeRequest`, aws-facts I1)
 * and from then on errors are written in that service's wire format. A
 * request nothing identifies is refused with 400 `UnknownOperation`
 * (accesslab's own code: AWS has no single endpoint to compare with).
 */
import { ProtocolError } from "../../protocol/errors.js";
import { routeRequest } from "../../protocol/route.js";
import { wireFormatOf } from "../../protocol/wire-format.js";
import type { Step } from "./step.js";

/**
 * Routes the request.
 *
 * @example
 * route(exchange, env); // exchange.route = { service: "sts", protocol: "query", operation: "GetCallerIdentity" }
 */
export const route: Step = (exchange) => {
  const request = exchange.request;
  const found = request === undefined ? undefined : routeRequest(request);
  if (found === undefined) {
    throw new ProtocolError(
      "UnknownOperation",
      400,
      "no service and operation could be identified in this request",
    );
  }
  exchange.route = found;
  exchange.format = wireFormatOf(found);
};
