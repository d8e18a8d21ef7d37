/**
 * What IMDS serves under `iam/security-credentials/`: the listing (the
 * instance profile's role name) and the role's credentials document, vended
 * by EC2 assuming the role (trust must admit `ec2.amazonaws.com`; session
 * name = instance id; the last session reused while it has time left). A
 * trust refusal is the document with `AssumeRoleUnauthorizedAccess`, as the
 * IAM User Guide describes.
 */
import { IMDS_VENDED_DURATION_SECONDS, INSTANCE_TRUST_REFUSED } from "./assumptions.js";
import type { CredentialsContext } from "./context.js";
import { type InstanceCredentialsDocument, instanceDocument, rfc3339 } from "./documents.js";
import { getInstanceProfile } from "./instance-profile.js";
import { vendRoleCredentials } from "./vend.js";

/** The service principal EC2 assumes instance roles as. */
export const EC2_PRINCIPAL = "ec2.amazonaws.com";

/**
 * The role name IMDS lists, or undefined without an instance profile.
 *
 * @example
 * instanceRoleName(ctx); // "web"
 */
export function instanceRoleName(ctx: CredentialsContext): string | undefined {
  return getInstanceProfile(ctx)?.roleName;
}

/**
 * The credentials document of `roleName`, or undefined when the instance
 * has no profile or its role has another name (IMDS answers 404).
 *
 * @example
 * instanceCredentials(ctx, "web")?.Code; // "Success"
 */
export function instanceCredentials(
  ctx: CredentialsContext,
  roleName: string,
): { readonly status: number; readonly document: InstanceCredentialsDocument } | undefined {
  const profile = getInstanceProfile(ctx);
  if (!profile || profile.roleName !== roleName) return undefined;
  const now = ctx.clock();
  const result = vendRoleCredentials(ctx, {
    roleArn: profile.roleArn,
    servicePrincipal: EC2_PRINCIPAL,
    sessionName: profile.instanceId,
    durationSeconds: IMDS_VENDED_DURATION_SECONDS,
    reuseKey: `instance/${profile.instanceId}`,
  });
  if (result.granted) return { status: 200, document: instanceDocument(result.credentials, now) };
  return {
    status: INSTANCE_TRUST_REFUSED.status,
    document: {
      Code: INSTANCE_TRUST_REFUSED.code,
      LastUpdated: rfc3339(now),
      Message: `EC2 cannot assume the role ${profile.roleName}: ${result.reason}`,
    },
  };
}
