/**
 * Errors of the workload credentials endpoints and registrations. The
 * endpoints answer them as `{Code, Message}` JSON (aws-facts D5), not in an
 * AWS API wire format; codes and statuses are pinned in `assumptions.ts`.
 * Registration errors (bad or missing role) reuse IAM's codes.
 */
import { ServiceError } from "../service-error.js";
import {
  BAD_AUTHORIZATION,
  CONTAINER_TRUST_REFUSED,
  INSTANCE_TRUST_REFUSED,
  UNKNOWN_ID,
} from "./assumptions.js";

/** An error of the credentials service. */
export class CredentialsError extends ServiceError {}

/**
 * The container credentials id is not registered.
 *
 * @example
 * unknownCredentialsId().httpStatus; // 400
 */
export const unknownCredentialsId = () =>
  new CredentialsError(UNKNOWN_ID.code, UNKNOWN_ID.status, UNKNOWN_ID.message);

/**
 * The `Authorization` header is missing or wrong.
 *
 * @example
 * badAuthorization().code; // "Unauthorized"
 */
export const badAuthorization = () =>
  new CredentialsError(BAD_AUTHORIZATION.code, BAD_AUTHORIZATION.status, BAD_AUTHORIZATION.message);

/**
 * The task role does not trust `ecs-tasks.amazonaws.com`.
 *
 * @example
 * containerTrustRefused("role `…` cannot be assumed by `ecs-tasks.amazonaws.com`").httpStatus; // 403
 */
export const containerTrustRefused = (reason: string) =>
  new CredentialsError(CONTAINER_TRUST_REFUSED.code, CONTAINER_TRUST_REFUSED.status, reason);

/**
 * The instance role does not trust `ec2.amazonaws.com`.
 *
 * @example
 * instanceTrustRefused("…").code; // "AssumeRoleUnauthorizedAccess"
 */
export const instanceTrustRefused = (reason: string) =>
  new CredentialsError(INSTANCE_TRUST_REFUSED.code, INSTANCE_TRUST_REFUSED.status, reason);

/**
 * A registration names something that is not a role ARN of this account.
 *
 * @example
 * invalidRoleArn("nope").message; // "invalid role ARN `nope`: expected arn:aws:iam::<account>:role/<name>"
 */
export const invalidRoleArn = (arn: string) =>
  new CredentialsError(
    "ValidationError",
    400,
    `invalid role ARN \`${arn}\`: expected arn:aws:iam::<account>:role/<name>`,
  );

/**
 * A registration names a role that does not exist.
 *
 * @example
 * noSuchRole("arn:aws:iam::000000000000:role/app").code; // "NoSuchEntity"
 */
export const noSuchRole = (arn: string) =>
  new CredentialsError("NoSuchEntity", 404, `role \`${arn}\` does not exist`);

/**
 * A bad registration input other than the role (task id, cluster).
 *
 * @example
 * invalidInput("task id `x y`: expected 1..64 characters of [A-Za-z0-9_-]").code; // "ValidationError"
 */
export const invalidInput = (message: string) =>
  new CredentialsError("ValidationError", 400, message);
