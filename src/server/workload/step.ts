/**
 * The chain step that answers the workload credentials endpoints (ECS
 * `/v2/credentials/…`, IMDS `/latest/…`) before AWS routing, on loopback
 * connections only. Service refusals become `{Code, Message}` JSON; a bug
 * becomes 500 `InternalFailure`, logged without the request's headers or
 * any credential. Other paths pass on to the AWS API steps.
 */
import { ServiceError } from "../../services/service-error.js";
import type { Step } from "../steps/step.js";
import { errorAnswer } from "./answers.js";
import { answerContainerCredentials, CONTAINER_CREDENTIALS_PREFIX } from "./container-endpoint.js";
import { answerImds, IMDS_PREFIX } from "./imds.js";
import { isLoopbackConnection } from "./loopback.js";

/**
 * Whether a path belongs to a workload credentials endpoint.
 *
 * @example
 * isWorkloadPath("/v2/credentials/3f2b…"); // true
 * isWorkloadPath("/2015-02-01/file-systems"); // false
 */
export function isWorkloadPath(path: string): boolean {
  return (
    path === CONTAINER_CREDENTIALS_PREFIX ||
    path.startsWith(`${CONTAINER_CREDENTIALS_PREFIX}/`) ||
    path.startsWith(IMDS_PREFIX)
  );
}

/**
 * Answers workload credentials requests; leaves every other request alone.
 *
 * @example
 * const CHAIN = [readBody, workloadEndpoints, route, authenticate, prepare, authorize, dispatch];
 */
export const workloadEndpoints: Step = (exchange, env) => {
  const request = exchange.request;
  if (request === undefined || !isWorkloadPath(request.path)) return;
  if (!isLoopbackConnection(exchange.message)) {
    exchange.response = errorAnswer(
      403,
      "AccessDenied",
      "credentials endpoints answer on loopback connections only",
    );
    return;
  }
  try {
    exchange.response = request.path.startsWith(IMDS_PREFIX)
      ? answerImds(request, env)
      : answerContainerCredentials(request, env);
  } catch (thrown) {
    if (thrown instanceof ServiceError) {
      exchange.response = errorAnswer(thrown.httpStatus, thrown.code, thrown.message);
      return;
    }
    const cause = thrown instanceof Error ? (thrown.stack ?? thrown.message) : typeof thrown;
    env.log(
      `accesslab: internal failure in a credentials endpoint (request ${exchange.requestId}): ${cause}`,
    );
    exchange.response = errorAnswer(500, "InternalFailure", "the request processing has failed");
  }
};
