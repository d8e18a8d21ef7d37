/**
 * CloudFormation errors with their AWS identity: `ValidationError` (400)
 * for bad input and unknown stacks (CloudFormation's own code, with its
 * wording "Stack with id <name> does not exist"), `AlreadyExistsException`
 * (400) for a stack name in use, and `InsufficientCapabilitiesException`.
 */
import { ServiceError } from "../service-error.js";

/** An error a CloudFormation client can receive. */
export class CloudFormationError extends ServiceError {}

/**
 * `ValidationError` (400).
 *
 * @example
 * validationError("Template format error: JSON not well-formed.").code; // "ValidationError"
 */
export const validationError = (message: string) =>
  new CloudFormationError("ValidationError", 400, message);

/**
 * `ValidationError` for a stack that does not exist, in AWS's words.
 *
 * @example
 * stackNotFound("app").message; // "Stack with id app does not exist"
 */
export const stackNotFound = (nameOrId: string) =>
  validationError(`Stack with id ${nameOrId} does not exist`);

/**
 * `AlreadyExistsException` (400), in AWS's words.
 *
 * @example
 * stackExists("app").message; // "Stack [app] already exists"
 */
export const stackExists = (name: string) =>
  new CloudFormationError("AlreadyExistsException", 400, `Stack [${name}] already exists`);
