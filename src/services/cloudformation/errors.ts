/**
 * CloudFormation errors with their AWS identity: `ValidationError` (400)
 * for bad input and unknown stacks (CloudFormation's own code, with its
 * wording "Stack with id <name> does not exist"), `AlreadyExistsException`
 * (400) for a stack name in use, and the reasons a stack fails over
 * exports (an export name already taken, an export still imported).
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

/**
 * Why a stack cannot export a name another stack already exports.
 *
 * @example
 * exportTaken("shared-vpc", "network"); // "Export with name shared-vpc is already exported by stack network"
 */
export const exportTaken = (exportName: string, stackName: string) =>
  `Export with name ${exportName} is already exported by stack ${stackName}`;

/**
 * Why a stack whose export another stack imports cannot be deleted.
 *
 * @example
 * exportInUse("shared-vpc", "app"); // "Export shared-vpc cannot be deleted as it is in use by app"
 */
export const exportInUse = (exportName: string, importer: string) =>
  `Export ${exportName} cannot be deleted as it is in use by ${importer}`;
