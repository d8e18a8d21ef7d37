/**
 * IAM users: CreateUser, PutUserPolicy (all of a user's inline policies
 * together at most 2,048 characters) and CreateAccessKey (at most two keys
 * per user; `AKIA…` ids of 20 characters and 40-character secrets from the
 * injected random source). Access keys are stored by key id so that STS can
 * resolve a request's credentials.
 */
import { type IamContext, nameKey, RECORD } from "./context.js";
import {
  inlinePolicySizeExceeded,
  noSuchUser,
  quotaExceeded,
  userAlreadyExists,
} from "./errors.js";
import { newSecretAccessKey, newUniqueId, userArn } from "./ids.js";
import { checkName, checkPath } from "./input-checks.js";
import type { AccessKey, Tag, User } from "./model.js";
import { checkPolicyDocument } from "./policy-document.js";
import { ACCESS_KEYS_PER_USER, policySize, USER_INLINE_POLICIES_SIZE } from "./quotas.js";

/**
 * CreateUser.
 *
 * @example
 * createUser(ctx, { userName: "alice" }).arn; // "arn:aws:iam::000000000000:user/alice"
 */
export function createUser(
  ctx: IamContext,
  input: { readonly userName: string; readonly path?: string; readonly tags?: readonly Tag[] },
): User {
  const path = input.path ?? "/";
  checkName("userName", input.userName, 64);
  checkPath(path);
  return ctx.store.transaction(() => {
    if (findUser(ctx, input.userName)) throw userAlreadyExists(input.userName);
    const user: User = {
      userName: input.userName,
      userId: newUniqueId("AIDA", ctx.random),
      arn: userArn(ctx.account, path, input.userName),
      path,
      createDate: ctx.clock(),
      inlinePolicies: {},
      attachedPolicyArns: [],
      tags: input.tags ?? [],
    };
    ctx.store.records.put(RECORD.user, nameKey(user.userName), user);
    return user;
  });
}

/** The user with this name (case-insensitive), if any. */
export function findUser(ctx: IamContext, userName: string): User | undefined {
  return ctx.store.records.get<User>(RECORD.user, nameKey(userName));
}

/** GetUser's lookup: the user, or NoSuchEntity. */
export function getUser(ctx: IamContext, userName: string): User {
  const user = findUser(ctx, userName);
  if (!user) throw noSuchUser(userName);
  return user;
}

/**
 * PutUserPolicy: adds or replaces an inline policy of a user.
 *
 * @example
 * putUserPolicy(ctx, "alice", "assume-app", '{"Version":"2012-10-17","Statement":{…}}');
 */
export function putUserPolicy(
  ctx: IamContext,
  userName: string,
  policyName: string,
  policyDocument: string,
): void {
  checkName("policyName", policyName, 128);
  checkPolicyDocument(policyDocument, "identity", "policyDocument");
  ctx.store.transaction(() => {
    const user = getUser(ctx, userName);
    const inlinePolicies = { ...user.inlinePolicies, [policyName]: policyDocument };
    const total = Object.values(inlinePolicies).reduce((n, text) => n + policySize(text), 0);
    if (total > USER_INLINE_POLICIES_SIZE)
      throw inlinePolicySizeExceeded("user", user.userName, USER_INLINE_POLICIES_SIZE);
    ctx.store.records.put(RECORD.user, nameKey(user.userName), { ...user, inlinePolicies });
  });
}

/**
 * CreateAccessKey: a new active key pair for the user.
 *
 * @example
 * const key = createAccessKey(ctx, "alice");
 * key.accessKeyId; // "AKIA…" (20 characters)
 */
export function createAccessKey(ctx: IamContext, userName: string): AccessKey {
  return ctx.store.transaction(() => {
    const user = getUser(ctx, userName);
    const owned = ctx.store.records
      .list<AccessKey>(RECORD.accessKey)
      .filter((k) => k.userName === user.userName);
    if (owned.length >= ACCESS_KEYS_PER_USER)
      throw quotaExceeded("AccessKeysPerUser", ACCESS_KEYS_PER_USER);
    const key: AccessKey = {
      accessKeyId: newUniqueId("AKIA", ctx.random),
      secretAccessKey: newSecretAccessKey(ctx.random),
      userName: user.userName,
      status: "Active",
      createDate: ctx.clock(),
    };
    ctx.store.records.put(RECORD.accessKey, key.accessKeyId, key);
    return key;
  });
}

/** The stored access key with this id, if any. */
export function findAccessKey(ctx: IamContext, accessKeyId: string): AccessKey | undefined {
  return ctx.store.records.get<AccessKey>(RECORD.accessKey, accessKeyId);
}
