/**
 * The server's one ordered handler chain: read the body (size cap), answer
 * the workload credentials endpoints (ECS, IMDS) on loopback, route,
 * authenticate, network (the VPC endpoint the call came through, if
 * any), prepare (the service reads its input into a plan),
 * authorize, dispatch. Each step is its own file under
 * `steps/`; a step that throws ends the chain and `renderFailure` answers.
 * Every routed call, answered or refused, is then recorded in the audit
 * trail (`recordAudit`).
 */
import type { IncomingMessage } from "node:http";
import type { HttpResponse } from "../protocol/http-response.js";
import { recordAudit } from "./audit.js";
import type { ServerEnv } from "./env.js";
import { newExchange } from "./exchange.js";
import { renderFailure } from "./failure.js";
import { authenticate } from "./steps/authenticate.js";
import { authorize } from "./steps/authorize.js";
import { dispatch } from "./steps/dispatch.js";
import { network } from "./steps/network.js";
import { prepare } from "./steps/prepare.js";
import { readBody } from "./steps/read-body.js";
import { route } from "./steps/route.js";
import type { Step } from "./steps/step.js";
import { workloadEndpoints } from "./workload/step.js";

/** The steps, in order. */
export const CHAIN: readonly Step[] = [
  readBody,
  workloadEndpoints,
  route,
  authenticate,
  network,
  prepare,
  authorize,
  dispatch,
];

/**
 * Runs one request through the chain; never throws.
 *
 * @example
 * http.createServer(async (message, res) => writeResponse(res, await handleRequest(message, env)));
 */
export async function handleRequest(
  message: IncomingMessage,
  env: ServerEnv,
): Promise<HttpResponse> {
  const exchange = newExchange(message);
  try {
    for (const step of CHAIN) {
      await step(exchange, env);
      if (exchange.response !== undefined) {
        recordAudit(exchange, env);
        return exchange.response;
      }
    }
    throw new Error("the chain ended without a response");
  } catch (thrown) {
    const response = renderFailure(exchange, env, thrown);
    recordAudit(exchange, env, thrown);
    return response;
  }
}
