/**
 * Step 5: hands the call to the routed service's handler and renders its
 * result as the success response. An operation the service does not have
 * answers 400 `InvalidAction` (the query protocol's code); a service
 * accesslab does not serve yet answers 501 `NotImplemented`.
 */
import { ProtocolError } from "../../protocol/errors.js";
import { isQueryService, QUERY_SERVICES } from "../../protocol/namespaces.js";
import { queryParams } from "../../protocol/query.js";
import { renderQueryResponse } from "../../protocol/query-response.js";
import { QUERY_HANDLERS } from "../handlers/table.js";
import type { Step } from "./step.js";

/**
 * Dispatches the call.
 *
 * @example
 * dispatch(exchange, env); // exchange.response = { status: 200, … }
 */
export const dispatch: Step = (exchange, env) => {
  const { request, route, caller } = exchange;
  if (request === undefined || route === undefined || caller === undefined) {
    throw new Error("dispatch before authenticate");
  }
  const table = QUERY_HANDLERS[route.service];
  if (table === undefined || route.protocol !== "query" || !isQueryService(route.service)) {
    throw new ProtocolError(
      "NotImplemented",
      501,
      `accesslab does not serve \`${route.service}\` (${route.protocol}) yet`,
    );
  }
  const operation = route.operation ?? "";
  const handler = Object.hasOwn(table, operation) ? table[operation] : undefined;
  if (handler === undefined) {
    const version = QUERY_SERVICES[route.service].version;
    throw new ProtocolError(
      "InvalidAction",
      400,
      `Could not find operation ${operation} for version ${version}`,
    );
  }
  const result = handler(env.services, { params: queryParams(request), caller });
  exchange.response = renderQueryResponse({
    service: route.service,
    operation,
    result,
    requestId: exchange.requestId,
  });
};
