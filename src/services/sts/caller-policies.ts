/**
 * Every policy that bears on an authenticated caller, for the server's
 * authorizer and for EFS mounts with the `iam` option: the principal's
 * identity policies and boundary from IAM, plus the session policy its
 * credentials carry.
 */
import { parsePolicy } from "../../engines/policy/parse.js";
import type { NamedPolicy } from "../../engines/policy/policy-set.js";
import { principalPolicies } from "../iam/principal-policies.js";
import type { StsContext } from "./context.js";
import type { ResolvedKey } from "./resolve-access-key.js";

/** A caller and its policies (the shape EFS's `IamCaller` takes). */
export interface CallerPolicies {
  readonly principal: string;
  readonly identityPolicies: readonly NamedPolicy[];
  readonly permissionsBoundary?: NamedPolicy;
  readonly sessionPolicy?: NamedPolicy;
}

/**
 * Gathers the policies of the caller behind resolved credentials.
 *
 * @example
 * const caller = callerPolicies(ctx, resolveAccessKey(ctx, accessKeyId));
 * authorizeClient(fs, accessPoint, { caller, tls: true, viaMountTarget: true, sourceIp });
 */
export function callerPolicies(
  ctx: StsContext,
  key: Pick<ResolvedKey, "principalArn" | "sessionPolicy">,
): CallerPolicies {
  const own = principalPolicies(ctx, key.principalArn);
  const session =
    key.sessionPolicy === undefined ? undefined : parsePolicy(key.sessionPolicy).policy;
  return {
    ...own,
    ...(session ? { sessionPolicy: { name: "session policy", document: session } } : {}),
  };
}
