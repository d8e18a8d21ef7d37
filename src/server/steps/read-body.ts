/**
 * Step 1: reads the request body under the size cap into the protocol's
 * request value; past the cap it throws 413 `RequestEntityTooLarge`. The
 * operation is not known yet, so the cap is the largest body any operation
 * accepts (`handlers/largest-body.ts`); each binding then holds its
 * operations to their own caps. A `/_vpce/<id>` path prefix is taken off
 * here (`withoutEndpointPrefix`).
 */
import { readRequest } from "../../protocol/node-http.js";
import { withoutEndpointPrefix } from "../network-path.js";
import type { Step } from "./step.js";

/**
 * Reads the request.
 *
 * @example
 * await readBody(exchange, env); // exchange.request is set
 */
export const readBody: Step = async (exchange, env) => {
  exchange.request = withoutEndpointPrefix(await readRequest(exchange.message, env.maxBodyBytes));
};
