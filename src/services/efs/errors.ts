/**
 * EFS errors with their AWS identity (code, HTTP status, who is at fault),
 * declared once here and rendered by the protocol layer. Services return or
 * throw these; anything else becomes InternalFailure.
 */
import { ServiceError } from "../service-error.js";

/** An error a client of the EFS API can receive. */
export class EfsError extends ServiceError {}

/** `BadRequest` (400): a parameter is missing or invalid. */
export const badRequest = (message: string) => new EfsError("BadRequest", 400, message);
/** `FileSystemNotFound` (404). */
export const fileSystemNotFound = (id: string) =>
  new EfsError("FileSystemNotFound", 404, `File system '${id}' does not exist.`);
/** `AccessPointNotFound` (404). */
export const accessPointNotFound = (id: string) =>
  new EfsError("AccessPointNotFound", 404, `Access point '${id}' does not exist.`);
/** `FileSystemAlreadyExists` (409): same creation token. */
export const fileSystemAlreadyExists = (id: string) =>
  new EfsError(
    "FileSystemAlreadyExists",
    409,
    `File system '${id}' already exists with the same creation token.`,
  );
/** `AccessPointLimitExceeded` (403): more than 10,000 access points on one file system (aws-facts A11). */
export const accessPointLimitExceeded = (id: string) =>
  new EfsError(
    "AccessPointLimitExceeded",
    403,
    `You have reached the maximum number of access points for file system '${id}'.`,
  );
/** `FileSystemInUse` (409): deleting a file system that still has access points. */
export const fileSystemInUse = (id: string) =>
  new EfsError("FileSystemInUse", 409, `File system '${id}' has access points or mount targets.`);
/** `PolicyNotFound` (404): DescribeFileSystemPolicy while the default policy is in effect. */
export const policyNotFound = (id: string) =>
  new EfsError("PolicyNotFound", 404, `File system '${id}' does not have a file system policy.`);
/** `InvalidPolicyException` (400): a file system policy that does not parse or validate. */
export const invalidPolicy = (message: string) =>
  new EfsError("InvalidPolicyException", 400, message);
