/**
 * Lambda errors with their AWS identity (code, HTTP status), declared once
 * here and rendered by the protocol layer: `InvalidParameterValueException`
 * (400) for values Lambda refuses after looking them up,
 * `ValidationException` (400) for values that break the API model's
 * constraints, `ResourceConflictException` (409), `ResourceNotFoundException`
 * (404) and `AccessDeniedException` (403).
 */
import { ServiceError } from "../service-error.js";

/** An error a client of the Lambda API can receive. */
export class LambdaError extends ServiceError {}

/**
 * `InvalidParameterValueException` (400).
 *
 * @example
 * invalidParameter("The role defined for the function cannot be assumed by Lambda.").httpStatus; // 400
 */
export const invalidParameter = (message: string) =>
  new LambdaError("InvalidParameterValueException", 400, message);

/**
 * `ResourceConflictException` (409): a function of that name exists (Lambda's own wording).
 *
 * @example
 * functionExists("app").message; // "Function already exist: app"
 */
export const functionExists = (name: string) =>
  new LambdaError("ResourceConflictException", 409, `Function already exist: ${name}`);

/**
 * `ResourceNotFoundException` (404), naming the function's ARN as Lambda does.
 *
 * @example
 * functionNotFound("arn:aws:lambda:us-east-1:000000000000:function:app").message;
 * // "Function not found: arn:aws:lambda:us-east-1:000000000000:function:app"
 */
export const functionNotFound = (arn: string) =>
  new LambdaError("ResourceNotFoundException", 404, `Function not found: ${arn}`);

/**
 * `ValidationException` (400) with the model-constraint message Lambda builds.
 *
 * @example
 * validationFailed(["Value '0' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1"]).message;
 * // "1 validation error detected: Value '0' at 'timeout' failed to satisfy constraint: …"
 */
export const validationFailed = (problems: readonly string[]) =>
  new LambdaError(
    "ValidationException",
    400,
    `${problems.length} validation error${problems.length === 1 ? "" : "s"} detected: ${problems.join("; ")}`,
  );

/**
 * `AccessDeniedException` (403): the policy engine refused the call.
 *
 * @example
 * lambdaAccessDenied("User: … is not authorized to perform: lambda:GetFunction …").httpStatus; // 403
 */
export const lambdaAccessDenied = (message: string) =>
  new LambdaError("AccessDeniedException", 403, message);
