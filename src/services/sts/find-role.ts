/**
 * Finds the role a role ARN names in this account: the name is the ARN's
 * last path segment, and the stored role's ARN (with its path) must match
 * exactly, as STS requires.
 */

import type { Role } from "../iam/model.js";
import { findRole } from "../iam/roles.js";
import type { StsContext } from "./context.js";

/**
 * The role at `roleArn`, if it exists in this account.
 *
 * @example
 * roleByArn(ctx, "arn:aws:iam::000000000000:role/service-role/app")?.roleName; // "app"
 */
export function roleByArn(ctx: StsContext, roleArn: string): Role | undefined {
  const match = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(roleArn);
  if (!match || match[1] !== ctx.account || match[2] === undefined) return undefined;
  const role = findRole(ctx, match[2]);
  return role?.arn === roleArn ? role : undefined;
}
