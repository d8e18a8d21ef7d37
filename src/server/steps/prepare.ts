/**
 * Step 4: the routed service reads the request into a plan (operation,
 * input, what must be allowed). Validation errors of the input end the
 * chain here, before anything is authorized or changed; a service
 * accesslab does not serve answers 501 `NotImplemented`.
 */
import { ProtocolError } from "../../protocol/errors.js";
import { SERVICE_BINDINGS } from "../handlers/table.js";
import type { Step } from "./step.js";

/**
 * Plans the call.
 *
 * @example
 * prepare(exchange, env); // exchange.planned.operation === "GetSecretValue"
 */
export const prepare: Step = (exchange, env) => {
  const { request, route, caller } = exchange;
  if (request === undefined || route === undefined || caller === undefined) {
    throw new Error("prepare before authenticate");
  }
  const binding = Object.hasOwn(SERVICE_BINDINGS, route.service)
    ? SERVICE_BINDINGS[route.service]
    : undefined;
  if (binding === undefined) {
    throw new ProtocolError(
      "NotImplemented",
      501,
      `accesslab does not serve \`${route.service}\` (${route.protocol}) yet`,
    );
  }
  exchange.binding = binding;
  exchange.planned = binding.plan(env.services, route, {
    request,
    caller,
    requestId: exchange.requestId,
  });
};
