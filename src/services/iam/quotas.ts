/**
 * IAM quotas accesslab enforces, each a named constant with where it comes
 * from (IAM User Guide, "IAM and AWS STS quotas"; sizes count characters
 * other than white space). Change them here only.
 */

/** Managed policies attached to one role or user (default quota). */
export const MANAGED_POLICIES_PER_ENTITY = 10;
/** Access keys per user. */
export const ACCESS_KEYS_PER_USER = 2;
/** Roles per account (default quota). */
export const ROLES_PER_ACCOUNT = 1000;
/** Customer managed policies per account (default quota). */
export const POLICIES_PER_ACCOUNT = 1500;
/** A managed policy document. */
export const MANAGED_POLICY_SIZE = 6144;
/** A role trust policy (default quota). */
export const TRUST_POLICY_SIZE = 2048;
/** All inline policies of one role together. */
export const ROLE_INLINE_POLICIES_SIZE = 10240;
/** All inline policies of one user together. */
export const USER_INLINE_POLICIES_SIZE = 2048;

/** The size IAM counts: characters other than white space. */
export function policySize(text: string): number {
  return text.replace(/\s/g, "").length;
}
