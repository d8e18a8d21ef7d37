/**
 * IAM errors with their AWS identity (code, HTTP status, who is at fault),
 * declared once here and rendered by the protocol layer. Codes and statuses
 * follow the IAM API model (botocore `iam/2010-05-08/service-2.json`:
 * NoSuchEntity 404, EntityAlreadyExists 409, DeleteConflict 409,
 * LimitExceeded 409, MalformedPolicyDocument 400);
 * `ValidationError` (400) is the common error for input that breaks a
 * member constraint. Messages are AWS's wording where it is known.
 */

import type { Finding } from "../../engines/policy/validate/finding.js";
import { invalidPolicyMessage, ServiceError } from "../service-error.js";

/** An error a client of the IAM API can receive. */
export class IamError extends ServiceError {}

/** `NoSuchEntity` (404): a role that does not exist. */
export const noSuchRole = (name: string) =>
  new IamError("NoSuchEntity", 404, `The role with name ${name} cannot be found.`);
/** `NoSuchEntity` (404): a user that does not exist. */
export const noSuchUser = (name: string) =>
  new IamError("NoSuchEntity", 404, `The user with name ${name} cannot be found.`);
/** `NoSuchEntity` (404): an inline role policy that does not exist. */
export const noSuchRolePolicy = (policyName: string) =>
  new IamError("NoSuchEntity", 404, `The role policy with name ${policyName} cannot be found.`);
/** `NoSuchEntity` (404): a managed policy that does not exist, or is not attached (Detach). */
export const noSuchPolicy = (arn: string) =>
  new IamError("NoSuchEntity", 404, `Policy ${arn} was not found.`);
/** `NoSuchEntity` (404): attaching a policy that does not exist. */
export const policyNotAttachable = (arn: string) =>
  new IamError("NoSuchEntity", 404, `Policy ${arn} does not exist or is not attachable.`);
/** `NoSuchEntity` (404): a policy version that does not exist (wording UNCONFIRMED). */
export const noSuchPolicyVersion = (arn: string, versionId: string) =>
  new IamError("NoSuchEntity", 404, `Policy ${arn} version ${versionId} does not exist.`);

/** `EntityAlreadyExists` (409). */
export const roleAlreadyExists = (name: string) =>
  new IamError("EntityAlreadyExists", 409, `Role with name ${name} already exists.`);
/** `EntityAlreadyExists` (409). */
export const userAlreadyExists = (name: string) =>
  new IamError("EntityAlreadyExists", 409, `User with name ${name} already exists.`);
/** `EntityAlreadyExists` (409). */
export const policyAlreadyExists = (name: string) =>
  new IamError(
    "EntityAlreadyExists",
    409,
    `A policy called ${name} already exists. Duplicate names are not allowed.`,
  );

/** `DeleteConflict` (409): DeleteRole while inline policies remain. */
export const mustDeletePolicies = () =>
  new IamError("DeleteConflict", 409, "Cannot delete entity, must delete policies first.");
/** `DeleteConflict` (409): DeleteRole while managed policies are attached. */
export const mustDetachPolicies = () =>
  new IamError("DeleteConflict", 409, "Cannot delete entity, must detach all policies first.");
/** `DeleteConflict` (409): DeletePolicy while the policy is attached or used as a boundary. */
export const policyInUse = () =>
  new IamError("DeleteConflict", 409, "Cannot delete a policy attached to entities.");

/** `LimitExceeded` (409): an account or entity quota, e.g. `PoliciesPerRole`. */
export const quotaExceeded = (quota: string, limit: number) =>
  new IamError("LimitExceeded", 409, `Cannot exceed quota for ${quota}: ${limit}`);
/** `LimitExceeded` (409): the inline policies of one role or user exceed their aggregate size. */
export const inlinePolicySizeExceeded = (entity: "role" | "user", name: string, limit: number) =>
  new IamError(
    "LimitExceeded",
    409,
    `Maximum policy size of ${limit} bytes exceeded for ${entity} ${name}`,
  );

/**
 * `MalformedPolicyDocument` (400): the validator's first ERROR finding,
 * with where it was found.
 *
 * @example
 * malformedPolicy(finding).message; // "policy is not valid at 1:39: statement 0 has no `Resource`"
 */
export const malformedPolicy = (first: Finding) =>
  new IamError("MalformedPolicyDocument", 400, invalidPolicyMessage(first));

/** `ValidationError` (400): a parameter breaks a member constraint, worded as AWS does. */
export const validationError = (message: string) => new IamError("ValidationError", 400, message);
