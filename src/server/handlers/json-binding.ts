/**
 * A JSON 1.1 service (Secrets Manager, ECS, FSx) as a binding: the
 * operation is the `X-Amz-Target` suffix, the body is parsed as a JSON
 * object, the service's operation plans the call, and the output is
 * rendered as a 200 `application/x-amz-json-1.1` answer. An unknown
 * operation is 400 `UnknownOperationException`, as these services answer.
 */
import { ProtocolError } from "../../protocol/errors.js";
import { parseJsonBody } from "../../protocol/json.js";
import { renderJson11 } from "../../protocol/json-response.js";
import type { ServiceContext } from "../../services/context.js";
import type { CallInfo, Plan, ServiceBinding } from "./handler.js";

/** One JSON 1.1 operation: parsed body in, plan out. */
export type JsonOperation = (
  ctx: ServiceContext,
  input: Record<string, unknown>,
  call: CallInfo,
) => Plan<unknown>;

/** A JSON 1.1 service's operations by name. */
export type JsonTable = Readonly<Record<string, JsonOperation>>;

/**
 * Binds a JSON 1.1 service's operations.
 *
 * @example
 * const secrets = jsonBinding(SECRETS_MANAGER_OPERATIONS, (m) => accessDeniedException(m));
 */
export function jsonBinding(table: JsonTable, denied: ServiceBinding["denied"]): ServiceBinding {
  return {
    denied,
    plan(ctx, route, call) {
      const operation = route.operation ?? "";
      const planOf = Object.hasOwn(table, operation) ? table[operation] : undefined;
      if (planOf === undefined) {
        throw new ProtocolError(
          "UnknownOperationException",
          400,
          `operation \`${operation}\` is not supported by this service`,
        );
      }
      const plan = planOf(ctx, parseJsonBody(call.request.body), call);
      return {
        operation,
        access: plan.access,
        run: async () => renderJson11(await plan.run(), call.requestId),
      };
    },
  };
}
