/**
 * Who an NFS client is to EFS: an IAM principal (when mounted with the
 * mount helper's `iam` option) with the policies attached to it, or an
 * anonymous client.
 */
import type { NamedPolicy } from "../../engines/policy/policy-set.js";

/** An IAM principal mounting with `-o tls,iam`, and the policies that bear on it. */
export interface IamCaller {
  /** Role session, user or role ARN. */
  readonly principal: string;
  readonly identityPolicies: readonly NamedPolicy[];
  readonly permissionsBoundary?: NamedPolicy;
  readonly sessionPolicy?: NamedPolicy;
}
