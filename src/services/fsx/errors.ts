/**
 * FSx errors with their AWS identity (code, HTTP status, extra members of
 * the error shape such as `InvalidSubnetId` or `Parameter`), declared once
 * here and rendered by the protocol layer. Messages never contain the
 * Active Directory password.
 */
import { ServiceError } from "../service-error.js";
import { FSX_DENIED_STATUS } from "./assumptions.js";

/** An error a client of the FSx API can receive. */
export class FsxError extends ServiceError {}

/**
 * `BadRequest` (400): the request is malformed or a value is out of range.
 *
 * @example
 * badRequest("`StorageCapacity` is required").code; // "BadRequest"
 */
export const badRequest = (message: string) => new FsxError("BadRequest", 400, message);

/**
 * `FileSystemNotFound` (400): no file system with that id.
 *
 * @example
 * fileSystemNotFound("fs-0123456789abcdef0").message; // "File system 'fs-0123456789abcdef0' does not exist."
 */
export const fileSystemNotFound = (id: string) =>
  new FsxError("FileSystemNotFound", 400, `File system '${id}' does not exist.`);

/**
 * `InvalidNetworkSettings` (400), naming the subnet or security group at fault.
 *
 * @example
 * invalidNetworkSettings("subnet `subnet-1` does not exist", { InvalidSubnetId: "subnet-1" }).fields;
 */
export const invalidNetworkSettings = (
  message: string,
  fields: Readonly<Record<string, string>> = {},
) => new FsxError("InvalidNetworkSettings", 400, message, true, fields);

/**
 * `IncompatibleParameterError` (400): a parameter does not fit the others.
 *
 * @example
 * incompatibleParameter("LustreConfiguration", "…").fields; // { Parameter: "LustreConfiguration" }
 */
export const incompatibleParameter = (parameter: string, message: string) =>
  new FsxError("IncompatibleParameterError", 400, message, true, { Parameter: parameter });

/**
 * `ServiceLimitExceeded` (400): an account quota is reached.
 *
 * @example
 * serviceLimitExceeded("FILE_SYSTEM_COUNT", "…").fields; // { Limit: "FILE_SYSTEM_COUNT" }
 */
export const serviceLimitExceeded = (limit: string, message: string) =>
  new FsxError("ServiceLimitExceeded", 400, message, true, { Limit: limit });

/**
 * `ResourceNotFound` (400): the ARN of a tagging call names no resource.
 *
 * @example
 * resourceNotFound("arn:aws:fsx:…").fields; // { ResourceARN: "arn:aws:fsx:…" }
 */
export const resourceNotFound = (arn: string) =>
  new FsxError("ResourceNotFound", 400, `Resource '${arn}' does not exist.`, true, {
    ResourceARN: arn,
  });

/**
 * `AccessDeniedException`, the JSON services' refusal.
 *
 * @example
 * accessDenied("User: … is not authorized …").code; // "AccessDeniedException"
 */
export const accessDenied = (message: string) =>
  new FsxError("AccessDeniedException", FSX_DENIED_STATUS, message);
