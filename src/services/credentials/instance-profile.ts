/**
 * The local "instance" and its profile: the role EC2's instance metadata
 * service vends credentials of, the instance id it reports, and whether
 * IMDSv1 is allowed. There is one, as there is one metadata service per
 * instance; setting it again replaces the role and keeps the instance id.
 */
import { IMDS_V1_ALLOWED_BY_DEFAULT } from "./assumptions.js";
import { type CredentialsContext, INSTANCE_PROFILE_KEY, RECORD } from "./context.js";
import { newInstanceId } from "./ids.js";
import type { InstanceProfile } from "./model.js";
import { requireRole } from "./role-input.js";

/** What setting the profile needs. */
export interface InstanceProfileRequest {
  readonly roleArn: string;
  /** Answer GETs without an IMDSv2 token (default {@link IMDS_V1_ALLOWED_BY_DEFAULT}). */
  readonly imdsV1Allowed?: boolean;
}

/**
 * Associates a role with the local instance.
 *
 * @example
 * setInstanceProfile(ctx, { roleArn: "arn:aws:iam::000000000000:role/web" }).roleName; // "web"
 */
export function setInstanceProfile(
  ctx: CredentialsContext,
  request: InstanceProfileRequest,
): InstanceProfile {
  const role = requireRole(ctx, request.roleArn);
  return ctx.store.transaction(() => {
    const previous = getInstanceProfile(ctx);
    const profile: InstanceProfile = {
      roleArn: role.arn,
      roleName: role.roleName,
      instanceId: previous?.instanceId ?? newInstanceId(ctx.random),
      imdsV1Allowed: request.imdsV1Allowed ?? IMDS_V1_ALLOWED_BY_DEFAULT,
      createdAt: ctx.clock(),
    };
    ctx.store.records.put(RECORD.instanceProfile, INSTANCE_PROFILE_KEY, profile);
    return profile;
  });
}

/**
 * The local instance's profile, if one is set.
 *
 * @example
 * getInstanceProfile(ctx)?.roleName; // "web"
 */
export function getInstanceProfile(ctx: CredentialsContext): InstanceProfile | undefined {
  return ctx.store.records.get<InstanceProfile>(RECORD.instanceProfile, INSTANCE_PROFILE_KEY);
}

/**
 * Removes the profile (an instance without one).
 *
 * @example
 * clearInstanceProfile(ctx);
 */
export function clearInstanceProfile(ctx: CredentialsContext): void {
  ctx.store.transaction(() =>
    ctx.store.records.delete(RECORD.instanceProfile, INSTANCE_PROFILE_KEY),
  );
}
