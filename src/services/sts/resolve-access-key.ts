/**
 * Authentication's lookup: which principal an access key id belongs to and
 * the secret to verify its signature with. It knows the bootstrap root key,
 * IAM users' active access keys and unexpired role session credentials;
 * anything else is refused with InvalidClientTokenId, an expired session
 * with ExpiredToken.
 */
import { rootArn } from "../iam/ids.js";
import { findAccessKey, findUser } from "../iam/users.js";
import {
  BOOTSTRAP_ACCESS_KEY_ID,
  BOOTSTRAP_SECRET_ACCESS_KEY,
  DEFAULT_ACCOUNT,
} from "./bootstrap.js";
import { RECORD, type StsContext } from "./context.js";
import { expiredToken, invalidClientTokenId } from "./errors.js";
import type { Session } from "./model.js";

/** The principal behind an access key. */
export interface ResolvedKey {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Present for session credentials; the request must carry it. */
  readonly sessionToken?: string;
  /** Root, user or assumed-role ARN. */
  readonly principalArn: string;
  /** GetCallerIdentity's UserId: the account (root), `AIDA…` (user) or `AROA…:session`. */
  readonly userId: string;
  readonly account: string;
  /** Milliseconds since the epoch, for session credentials. */
  readonly expiration?: number;
  /** The session policy text, when the session has one. */
  readonly sessionPolicy?: string;
}

/**
 * Resolves an access key id, or throws InvalidClientTokenId / ExpiredToken.
 *
 * @example
 * resolveAccessKey(ctx, "test").principalArn; // "arn:aws:iam::000000000000:root"
 */
export function resolveAccessKey(ctx: StsContext, accessKeyId: string): ResolvedKey {
  if (accessKeyId === BOOTSTRAP_ACCESS_KEY_ID) {
    return {
      accessKeyId,
      secretAccessKey: BOOTSTRAP_SECRET_ACCESS_KEY,
      principalArn: rootArn(DEFAULT_ACCOUNT),
      userId: DEFAULT_ACCOUNT,
      account: DEFAULT_ACCOUNT,
    };
  }
  const key = findAccessKey(ctx, accessKeyId);
  if (key) {
    const user = findUser(ctx, key.userName);
    if (key.status !== "Active" || !user) throw invalidClientTokenId();
    return {
      accessKeyId,
      secretAccessKey: key.secretAccessKey,
      principalArn: user.arn,
      userId: user.userId,
      account: ctx.account,
    };
  }
  const session = ctx.store.records.get<Session>(RECORD.session, accessKeyId);
  if (!session) throw invalidClientTokenId();
  if (ctx.clock() >= session.credentials.expiration) throw expiredToken();
  return {
    accessKeyId,
    secretAccessKey: session.credentials.secretAccessKey,
    sessionToken: session.credentials.sessionToken,
    principalArn: session.assumedRoleUser.arn,
    userId: session.assumedRoleUser.assumedRoleId,
    account: ctx.account,
    expiration: session.credentials.expiration,
    ...(session.sessionPolicy !== undefined ? { sessionPolicy: session.sessionPolicy } : {}),
  };
}
