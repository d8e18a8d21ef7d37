/**
 * GetCallerIdentity: who the caller is, as STS reports it. No policy can
 * deny it. The caller comes from `resolveAccessKey`.
 */
import type { ResolvedKey } from "./resolve-access-key.js";

/** GetCallerIdentity's answer. */
export interface CallerIdentity {
  /** The account id (root), `AIDA…` (user) or `AROA…:sessionName` (role session). */
  readonly userId: string;
  readonly account: string;
  readonly arn: string;
}

/**
 * GetCallerIdentity.
 *
 * @example
 * getCallerIdentity(resolveAccessKey(ctx, "test"));
 * // { userId: "000000000000", account: "000000000000", arn: "arn:aws:iam::000000000000:root" }
 */
export function getCallerIdentity(
  caller: Pick<ResolvedKey, "userId" | "account" | "principalArn">,
): CallerIdentity {
  return { userId: caller.userId, account: caller.account, arn: caller.principalArn };
}
