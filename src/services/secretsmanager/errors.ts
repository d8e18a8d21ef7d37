/**
 * Secrets Manager errors with their AWS identity (code, HTTP status),
 * declared once here and rendered by the protocol layer. Messages never
 * contain a secret's value.
 */
import { ServiceError } from "../service-error.js";

/** An error a client of the Secrets Manager API can receive. */
export class SecretsManagerError extends ServiceError {}

/**
 * `ResourceNotFoundException` (400): no secret with that id.
 *
 * @example
 * secretNotFound().message; // "Secrets Manager can't find the specified secret."
 */
export const secretNotFound = () =>
  new SecretsManagerError(
    "ResourceNotFoundException",
    400,
    "Secrets Manager can't find the specified secret.",
  );

/**
 * `ResourceNotFoundException` (400): the secret has no version with that id or stage.
 *
 * @example
 * versionNotFound("staging label", "AWSCURRENT").message;
 * // "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT"
 */
export const versionNotFound = (what: "VersionId" | "staging label", value: string) =>
  new SecretsManagerError(
    "ResourceNotFoundException",
    400,
    `Secrets Manager can't find the specified secret value for ${what}: ${value}`,
  );

/**
 * `InvalidParameterException` (400): a parameter is missing or has a bad value.
 *
 * @example
 * invalidParameter("`Name` must not be empty").code; // "InvalidParameterException"
 */
export const invalidParameter = (message: string) =>
  new SecretsManagerError("InvalidParameterException", 400, message);

/**
 * `InvalidRequestException` (400): the call does not fit the secret's state.
 *
 * @example
 * invalidRequest("both set").httpStatus; // 400
 */
export const invalidRequest = (message: string) =>
  new SecretsManagerError("InvalidRequestException", 400, message);

/**
 * `InvalidRequestException` for a secret scheduled for deletion, in AWS's words.
 *
 * @example
 * markedForDeletion().message; // "You can't perform this operation on the secret because it was marked for deletion."
 */
export const markedForDeletion = () =>
  invalidRequest(
    "You can't perform this operation on the secret because it was marked for deletion.",
  );

/**
 * `ResourceExistsException` (400): the name or version id is taken.
 *
 * @example
 * resourceExists("The operation failed because the secret db already exists.").code;
 */
export const resourceExists = (message: string) =>
  new SecretsManagerError("ResourceExistsException", 400, message);

/**
 * `MalformedPolicyDocumentException` (400): the resource policy does not validate.
 *
 * @example
 * malformedPolicy("policy is not valid: …").code; // "MalformedPolicyDocumentException"
 */
export const malformedPolicy = (message: string) =>
  new SecretsManagerError("MalformedPolicyDocumentException", 400, message);

/**
 * `PublicPolicyException` (400): BlockPublicPolicy refused a broad policy.
 *
 * @example
 * publicPolicy().code; // "PublicPolicyException"
 */
export const publicPolicy = () =>
  new SecretsManagerError(
    "PublicPolicyException",
    400,
    "BlockPublicPolicy is set and the resource policy grants broad access to this secret: an `Allow` to every principal (`*`) without a condition that narrows it",
  );

/**
 * `AccessDeniedException`, which Secrets Manager answers with HTTP 400.
 *
 * @example
 * accessDenied("User: … is not authorized …").httpStatus; // 400
 */
export const accessDenied = (message: string) =>
  new SecretsManagerError("AccessDeniedException", 400, message);
