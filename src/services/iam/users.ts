/**
 * IAM users: CreateUser, PutUserPolicy (all of a user's inline policies
 * together at most 2,048 characters) and CreateAccessKey (at most two keys
 * per user; `AKIA…` ids of 20 characters and 40-character secrets from the
 * injected random source). Access keys are stored by key id so that STS can
 * resolve a request's credentials. `importAccessKey` stores a key pair
 * chosen by the caller (the demo stack's documented developer key); IAM has
 * no such API, so it is only reachable from code, never from the wire.
 */
import { type IamContext, nameKey, RECORD } from "./context.js";
import {
  IamError,
  inlinePolicySizeExceeded,
  noSuchUser,
  quotaExceeded,
  userAlreadyExists,
  validationError,
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
  return ctx.store.transaction(() =>
    storeAccessKey(ctx, userName, newUniqueId("AKIA", ctx.random), newSecretAccessKey(ctx.random)),
  );
}

/** Stores a new active key for an existing user, within the per-user limit. */
function storeAccessKey(
  ctx: IamContext,
  userName: string,
  accessKeyId: string,
  secretAccessKey: string,
): AccessKey {
  const user = getUser(ctx, userName);
  const owned = ctx.store.records
    .list<AccessKey>(RECORD.accessKey)
    .filter((k) => k.userName === user.userName);
  if (owned.length >= ACCESS_KEYS_PER_USER)
    throw quotaExceeded("AccessKeysPerUser", ACCESS_KEYS_PER_USER);
  const key: AccessKey = {
    accessKeyId,
    secretAccessKey,
    userName: user.userName,
    status: "Active",
    createDate: ctx.clock(),
  };
  ctx.store.records.put(RECORD.accessKey, key.accessKeyId, key);
  return key;
}

/** What `importAccessKey` takes: a user and the exact key pair to give it. */
export interface ImportAccessKeyInput {
  readonly userName: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** The form of a long-term access key id: `AKIA` and 16 upper-case letters or digits. */
const IMPORTED_KEY_ID = /^AKIA[A-Z0-9]{16}$/;

/**
 * Gives a user an active access key with a fixed id and secret (for
 * documented demo keys); same per-user limit as CreateAccessKey, and an id
 * already stored is refused with `EntityAlreadyExists`.
 *
 * @example
 * importAccessKey(ctx, { userName: "developer", accessKeyId: "AKIADEMODEVELOPER001", secretAccessKey: "developer" });
 */
export function importAccessKey(ctx: IamContext, input: ImportAccessKeyInput): AccessKey {
  if (!IMPORTED_KEY_ID.test(input.accessKeyId))
    throw validationError(
      `access key id \`${input.accessKeyId}\` is invalid: expected AKIA followed by 16 upper-case letters or digits`,
    );
  if (input.secretAccessKey.length === 0 || input.secretAccessKey.length > 128)
    throw validationError("secret access key must be 1 to 128 characters");
  return ctx.store.transaction(() => {
    getUser(ctx, input.userName);
    if (findAccessKey(ctx, input.accessKeyId))
      throw new IamError(
        "EntityAlreadyExists",
        409,
        `Access key ${input.accessKeyId} already exists.`,
      );
    return storeAccessKey(ctx, input.userName, input.accessKeyId, input.secretAccessKey);
  });
}

/** The stored access key with this id, if any. */
export function findAccessKey(ctx: IamContext, accessKeyId: string): AccessKey | undefined {
  return ctx.store.records.get<AccessKey>(RECORD.accessKey, accessKeyId);
}
