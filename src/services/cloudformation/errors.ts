/**
 * CloudFormation errors with their AWS identity: `ValidationError` (400)
 * for bad input and unknown stacks (CloudFormation's own code, with its
 * wording "Stack with id <name> does not exist"), `AlreadyExistsException`
 * (400) for a stack name in use, the change set errors
 * (`ChangeSetNotFound`, `InvalidChangeSetStatus`), and the reasons a stack
 * or an update fails (an export name already taken, an export still
 * imported, a custom-named resource to replace).
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

/**
 * `ValidationError` for UpdateStack of a stack that would not change, in AWS's words.
 *
 * @example
 * noUpdates().message; // "No updates are to be performed."
 */
export const noUpdates = () => validationError("No updates are to be performed.");

/**
 * `ValidationError` for updating a stack whose status forbids it, in AWS's words.
 *
 * @example
 * notUpdatable("arn:aws:cloudformation:…:stack/app/1", "ROLLBACK_COMPLETE").message;
 * // "Stack:arn:aws:cloudformation:…:stack/app/1 is in ROLLBACK_COMPLETE state and can not be updated."
 */
export const notUpdatable = (stackId: string, status: string) =>
  validationError(`Stack:${stackId} is in ${status} state and can not be updated.`);

/**
 * The reason a change set without changes ends `FAILED`, in AWS's words.
 *
 * @example
 * NO_CHANGES_REASON.startsWith("The submitted information didn't contain changes."); // true
 */
export const NO_CHANGES_REASON =
  "The submitted information didn't contain changes. Submit different information to create a change set.";

/**
 * `ChangeSetNotFound` (404), in AWS's words.
 *
 * @example
 * changeSetNotFound("cs1").message; // "ChangeSet [cs1] does not exist"
 */
export const changeSetNotFound = (name: string) =>
  new CloudFormationError("ChangeSetNotFound", 404, `ChangeSet [${name}] does not exist`);

/**
 * `InvalidChangeSetStatus` (400) for executing a change set that is not `AVAILABLE`.
 *
 * @example
 * invalidChangeSetStatus("arn:…:changeSet/cs1/1", "UNAVAILABLE").code; // "InvalidChangeSetStatus"
 */
export const invalidChangeSetStatus = (id: string, status: string) =>
  new CloudFormationError(
    "InvalidChangeSetStatus",
    400,
    `ChangeSet [${id}] cannot be executed in its current execution status of [${status}]`,
  );

/**
 * Why a modified custom-named resource fails an update, in AWS's words.
 *
 * @example
 * customNameReplacement("app-fn"); // "CloudFormation cannot update a stack when a custom-named resource requires replacing. Rename app-fn and update the stack again."
 */
export const customNameReplacement = (name: string) =>
  `CloudFormation cannot update a stack when a custom-named resource requires replacing. Rename ${name} and update the stack again.`;

/**
 * Why an update cannot drop an export another stack imports, in AWS's words.
 *
 * @example
 * exportDeleteInUse("shared-vpc", "app"); // "Cannot delete export shared-vpc as it is in use by app"
 */
export const exportDeleteInUse = (exportName: string, importer: string) =>
  `Cannot delete export ${exportName} as it is in use by ${importer}`;

/**
 * Why an update cannot change the value of an export another stack imports, in AWS's words.
 *
 * @example
 * exportUpdateInUse("shared-vpc", "app"); // "Export shared-vpc cannot be updated as it is in use by app"
 */
export const exportUpdateInUse = (exportName: string, importer: string) =>
  `Export ${exportName} cannot be updated as it is in use by ${importer}`;
