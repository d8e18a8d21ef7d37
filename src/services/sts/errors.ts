/**
 * STS errors with their AWS identity (code, HTTP status, who is at fault),
 * declared once here and rendered by the protocol layer. Codes follow the
 * STS API model (botocore `sts/2011-06-15/service-2.json`:
 * MalformedPolicyDocument 400, PackedPolicyTooLarge 400) and the query
 * protocol's common errors (AccessDenied 403, ValidationError 400,
 * InvalidClientTokenId 403, ExpiredToken 403; JSON-protocol services name
 * the last `ExpiredTokenException`). Messages are AWS's wording.
 */

import type { Finding } from "../../engines/policy/validate/finding.js";
import { invalidPolicyMessage, ServiceError } from "../service-error.js";

/** An error a client of the STS API (or any authenticated API) can receive. */
export class StsError extends ServiceError {}

/**
 * `AccessDenied` (403): the caller may not assume the role. STS answers the
 * same for a role that does not exist, so existence is not revealed.
 *
 * @example
 * assumeRoleDenied("arn:aws:iam::000000000000:user/alice", "arn:aws:iam::000000000000:role/app").message;
 * // "User: arn:aws:iam::000000000000:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::000000000000:role/app"
 */
export const assumeRoleDenied = (callerArn: string, roleArn: string) =>
  new StsError(
    "AccessDenied",
    403,
    `User: ${callerArn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
  );
/** `AccessDenied` (403): the account root user called AssumeRole. */
export const rootCannotAssumeRole = () =>
  new StsError("AccessDenied", 403, "Roles may not be assumed by root accounts.");
/** `ValidationError` (400), worded by the caller. */
export const validationError = (message: string) => new StsError("ValidationError", 400, message);
/** `ValidationError` (400) for a member constraint, as AWS words it. */
export const constraintViolated = (value: string | number, field: string, constraint: string) =>
  validationError(
    `1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: ${constraint}`,
  );
/** `MalformedPolicyDocument` (400): the session policy's first ERROR finding. */
export const malformedSessionPolicy = (first: Finding) =>
  new StsError("MalformedPolicyDocument", 400, invalidPolicyMessage(first));
/** `InvalidClientTokenId` (403): an access key id accesslab does not know. */
export const invalidClientTokenId = () =>
  new StsError(
    "InvalidClientTokenId",
    403,
    "The security token included in the request is invalid.",
  );
/** `ExpiredToken` (403): session credentials past their expiration. */
export const expiredToken = () =>
  new StsError("ExpiredToken", 403, "The security token included in the request is expired");
