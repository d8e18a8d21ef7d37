/**
 * A query-protocol service (IAM, STS, EC2) as a binding: the operation is
 * the `Action=` the router found, the handler comes from the service's
 * table, what it must be allowed comes from the service's `accessOf`, and
 * the result is rendered as the service's XML. An operation the table does
 * not have is 400 `InvalidAction`, as the query services answer.
 */
import { ProtocolError } from "../../protocol/errors.js";
import { QUERY_SERVICES, type QueryService } from "../../protocol/namespaces.js";
import { type QueryParams, queryParams } from "../../protocol/query.js";
import { renderQueryResponse } from "../../protocol/query-response.js";
import type { ServiceContext } from "../../services/context.js";
import type { Caller } from "../caller.js";
import type { AccessAsk, QueryTable, ServiceBinding } from "./handler.js";

/** What a query operation must be allowed, from its parameters. */
export type QueryAccess = (
  ctx: ServiceContext,
  operation: string,
  params: QueryParams,
  caller: Caller,
) => readonly AccessAsk[];

/**
 * Binds a query service's handler table.
 *
 * @example
 * const iam = queryBinding("iam", IAM_HANDLERS, iamAccess, (m) => new ProtocolError("AccessDenied", 403, m));
 */
export function queryBinding(
  service: QueryService,
  table: QueryTable,
  accessOf: QueryAccess,
  denied: ServiceBinding["denied"],
): ServiceBinding {
  return {
    denied,
    plan(ctx, route, call) {
      const operation = route.operation ?? "";
      const handler = Object.hasOwn(table, operation) ? table[operation] : undefined;
      if (handler === undefined) {
        throw new ProtocolError(
          "InvalidAction",
          400,
          `Could not find operation ${operation} for version ${QUERY_SERVICES[service].version}`,
        );
      }
      const params = queryParams(call.request);
      return {
        operation,
        access: accessOf(ctx, operation, params, call.caller),
        run: () =>
          renderQueryResponse({
            service,
            operation,
            result: handler(ctx, { params, caller: call.caller }),
            requestId: call.requestId,
          }),
      };
    },
  };
}
