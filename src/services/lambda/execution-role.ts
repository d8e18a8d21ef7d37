/**
 * The execution role check of CreateFunction and UpdateFunctionConfiguration:
 * the role must exist in this account and its trust policy alone must let
 * `lambda.amazonaws.com` call `sts:AssumeRole` (aws-facts G1, G2), decided
 * by the policy engine through STS's `decideAssumeRole`. No session is
 * issued here; the runtime assumes the role when it runs the function.
 */
import { LAMBDA_CANNOT_ASSUME_ROLE } from "../sts/assume-role-for-service.js";
import { roleByArn } from "../sts/find-role.js";
import { decideAssumeRole } from "../sts/trust.js";
import type { LambdaContext } from "./context.js";
import { invalidParameter } from "./errors.js";

/** The service principal Lambda assumes execution roles as. */
export const LAMBDA_PRINCIPAL = "lambda.amazonaws.com";

/**
 * Refuses a role Lambda cannot assume with Lambda's own
 * `InvalidParameterValueException`.
 *
 * @example
 * checkExecutionRole(ctx, "arn:aws:iam::000000000000:role/app"); // throws unless the trust admits Lambda
 */
export function checkExecutionRole(ctx: LambdaContext, roleArn: string): void {
  const role = roleByArn(ctx, roleArn);
  const allowed =
    role !== undefined &&
    decideAssumeRole(ctx, role, { principal: LAMBDA_PRINCIPAL }).decision === "Allowed";
  if (!allowed) throw invalidParameter(LAMBDA_CANNOT_ASSUME_ROLE);
}
