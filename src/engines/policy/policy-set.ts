/**
 * The policies that bear on one request, grouped by kind, before and after
 * compilation. Organization policies come as levels: root, each OU, account.
 */
import type { PolicyDocument } from "./ast.js";

/** A parsed policy plus an optional display name. */
export interface NamedPolicy {
  readonly name?: string;
  readonly document: PolicyDocument;
}

/** Every policy that may bear on a request. Absent means "not in force". */
export interface PolicySetInput {
  readonly identityPolicies?: readonly NamedPolicy[];
  readonly resourcePolicy?: NamedPolicy | null;
  readonly permissionsBoundary?: NamedPolicy | null;
  readonly sessionPolicy?: NamedPolicy | null;
  /** One array of policies per organization level, root first. */
  readonly serviceControlPolicies?: readonly (readonly NamedPolicy[])[];
  /** One array of policies per organization level, root first. */
  readonly resourceControlPolicies?: readonly (readonly NamedPolicy[])[];
  readonly endpointPolicy?: NamedPolicy | null;
}
