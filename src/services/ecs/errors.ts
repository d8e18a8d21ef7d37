/**
 * ECS errors with their AWS identity (code, HTTP status), declared once here
 * and rendered by the protocol layer as JSON 1.1 errors. ECS answers client
 * faults with HTTP 400 and its own codes: `ClientException` for requests
 * that do not fit ECS's rules, `InvalidParameterException` for malformed
 * parameters, `ClusterNotFoundException` for an unknown cluster, and
 * `ServerException` (500) for its own failures.
 */
import { ServiceError } from "../service-error.js";

/** An error a client of the ECS API can receive. */
export class EcsError extends ServiceError {}

/**
 * `ClientException` (400): the request breaks one of ECS's rules.
 *
 * @example
 * clientException("Container.image should not be null or empty.").code; // "ClientException"
 */
export const clientException = (message: string) => new EcsError("ClientException", 400, message);

/**
 * `InvalidParameterException` (400): a parameter is missing, of the wrong type or out of range.
 *
 * @example
 * invalidParameter("`count` must be an integer from 1 to 10").httpStatus; // 400
 */
export const invalidParameter = (message: string) =>
  new EcsError("InvalidParameterException", 400, message);

/**
 * `ClusterNotFoundException` (400), in ECS's words.
 *
 * @example
 * clusterNotFound().message; // "Cluster not found."
 */
export const clusterNotFound = () =>
  new EcsError("ClusterNotFoundException", 400, "Cluster not found.");

/**
 * `AccessDeniedException` (400): the policy engine refused the call.
 *
 * @example
 * accessDenied("User: … is not authorized to perform: ecs:RunTask on resource: …").code;
 */
export const accessDenied = (message: string) =>
  new EcsError("AccessDeniedException", 400, message);

/**
 * `ServerException` (500): ECS itself failed; here, when nothing can run containers.
 *
 * @example
 * serverException("no task runner").httpStatus; // 500
 */
export const serverException = (message: string) =>
  new EcsError("ServerException", 500, message, false);
