/**
 * The bridge between SigV4 verification and STS: a lookup that answers the
 * verifier's "which secret belongs to this access key id" from
 * `resolveAccessKey`, and remembers the principal it found (and whether the
 * key was a known but expired session) for the authenticate step.
 */
import { isAwsError } from "../protocol/errors.js";
import type { SigningKey } from "../protocol/sigv4.js";
import type { StsContext } from "../services/sts/context.js";
import { type ResolvedKey, resolveAccessKey } from "../services/sts/resolve-access-key.js";

/** A lookup and what it saw. */
export interface KeyLookup {
  readonly lookup: (accessKeyId: string) => SigningKey | undefined;
  /** The principal of the last key looked up, when it resolved. */
  resolved(): ResolvedKey | undefined;
  /** True when the last key was session credentials past their expiration. */
  expired(): boolean;
}

/**
 * A lookup over the STS context.
 *
 * @example
 * const keys = keyLookup(ctx);
 * const result = await verifySigV4(request, { lookup: keys.lookup, now: () => new Date() });
 * if (result.ok) keys.resolved()?.principalArn; // "arn:aws:iam::000000000000:root"
 */
export function keyLookup(ctx: StsContext): KeyLookup {
  let resolved: ResolvedKey | undefined;
  let expired = false;
  return {
    lookup(accessKeyId) {
      resolved = undefined;
      expired = false;
      try {
        resolved = resolveAccessKey(ctx, accessKeyId);
      } catch (error) {
        if (isAwsError(error) && error.code === "ExpiredToken") expired = true;
        else if (!isAwsError(error)) throw error;
        return undefined;
      }
      return {
        secretAccessKey: resolved.secretAccessKey,
        ...(resolved.sessionToken !== undefined ? { sessionToken: resolved.sessionToken } : {}),
        ...(resolved.expiration !== undefined ? { expiration: new Date(resolved.expiration) } : {}),
      };
    },
    resolved: () => resolved,
    expired: () => expired,
  };
}
