/**
 * Checks the role a registration names: a role ARN of this account that
 * exists now (it may lose its trust later; that is checked when
 * credentials are vended, as AWS does at each refresh).
 */
import type { Role } from "../iam/model.js";
import { roleByArn } from "../sts/find-role.js";
import type { CredentialsContext } from "./context.js";
import { invalidRoleArn, noSuchRole } from "./errors.js";

const ROLE_ARN = /^arn:aws:iam::\d{12}:role\/(?:[\x21-\x7e]*\/)?[\w+=,.@-]{1,64}$/;

/**
 * The existing role at `arn`, or ValidationError / NoSuchEntity.
 *
 * @example
 * requireRole(ctx, "arn:aws:iam::000000000000:role/app").roleName; // "app"
 */
export function requireRole(ctx: CredentialsContext, arn: string): Role {
  if (!ROLE_ARN.test(arn)) throw invalidRoleArn(arn);
  const role = roleByArn(ctx, arn);
  if (!role) throw noSuchRole(arn);
  return role;
}
