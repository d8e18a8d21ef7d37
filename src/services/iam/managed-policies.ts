/**
 * Customer managed policies: CreatePolicy, GetPolicy, GetPolicyVersion and
 * DeletePolicy, plus the lookup every attach and every authorization uses,
 * which also answers for the AWS managed policies at `arn:aws:iam::aws:…`.
 * A new policy has one version, `v1`, which is its default.
 */

import { awsManagedPolicy } from "./aws-managed-policies.js";
import { type IamContext, RECORD } from "./context.js";
import {
  noSuchPolicy,
  noSuchPolicyVersion,
  policyAlreadyExists,
  policyInUse,
  quotaExceeded,
  validationError,
} from "./errors.js";
import { newUniqueId, policyArn } from "./ids.js";
import { checkName, checkPath } from "./input-checks.js";
import type { ManagedPolicy, PolicyVersion, Role, Tag, User } from "./model.js";
import { checkPolicyDocument } from "./policy-document.js";
import { MANAGED_POLICY_SIZE, POLICIES_PER_ACCOUNT, policySize } from "./quotas.js";

/** CreatePolicy input. */
export interface CreatePolicyInput {
  readonly policyName: string;
  readonly policyDocument: string;
  readonly path?: string;
  readonly description?: string;
  readonly tags?: readonly Tag[];
}

/**
 * CreatePolicy: a customer managed policy with version `v1` as its default.
 *
 * @example
 * const p = createPolicy(ctx, { policyName: "efs-rw", policyDocument: text });
 * p.arn; // "arn:aws:iam::000000000000:policy/efs-rw"
 */
export function createPolicy(ctx: IamContext, input: CreatePolicyInput): ManagedPolicy {
  const path = input.path ?? "/";
  checkName("policyName", input.policyName, 128);
  checkPath(path);
  checkPolicyDocument(input.policyDocument, "identity", "policyDocument");
  if (policySize(input.policyDocument) > MANAGED_POLICY_SIZE)
    throw quotaExceeded("PolicySize", MANAGED_POLICY_SIZE);
  return ctx.store.transaction(() => {
    const all = ctx.store.records.list<ManagedPolicy>(RECORD.policy);
    if (all.some((p) => p.policyName === input.policyName))
      throw policyAlreadyExists(input.policyName);
    if (all.length >= POLICIES_PER_ACCOUNT)
      throw quotaExceeded("PoliciesPerAccount", POLICIES_PER_ACCOUNT);
    const now = ctx.clock();
    const policy: ManagedPolicy = {
      policyName: input.policyName,
      policyId: newUniqueId("ANPA", ctx.random),
      arn: policyArn(ctx.account, path, input.policyName),
      path,
      createDate: now,
      updateDate: now,
      defaultVersionId: "v1",
      versions: [
        {
          versionId: "v1",
          document: input.policyDocument,
          isDefaultVersion: true,
          createDate: now,
        },
      ],
      tags: input.tags ?? [],
      ...(input.description !== undefined ? { description: input.description } : {}),
    };
    ctx.store.records.put(RECORD.policy, policy.arn, policy);
    return policy;
  });
}

/**
 * A managed policy by ARN: customer managed from the store, or AWS managed.
 *
 * @example
 * findManagedPolicy(ctx, "arn:aws:iam::aws:policy/AdministratorAccess")?.policyName;
 */
export function findManagedPolicy(ctx: IamContext, arn: string): ManagedPolicy | undefined {
  return awsManagedPolicy(arn) ?? ctx.store.records.get<ManagedPolicy>(RECORD.policy, arn);
}

/** GetPolicy, with the number of roles and users it is attached to. */
export function getPolicy(
  ctx: IamContext,
  arn: string,
): ManagedPolicy & { attachmentCount: number; permissionsBoundaryUsageCount: number } {
  const policy = findManagedPolicy(ctx, arn);
  if (!policy) throw noSuchPolicy(arn);
  const entities = [
    ...ctx.store.records.list<Role>(RECORD.role),
    ...ctx.store.records.list<User>(RECORD.user),
  ];
  return {
    ...policy,
    attachmentCount: entities.filter((e) => e.attachedPolicyArns.includes(arn)).length,
    permissionsBoundaryUsageCount: entities.filter((e) => e.permissionsBoundaryArn === arn).length,
  };
}

/**
 * GetPolicyVersion.
 *
 * @example
 * getPolicyVersion(ctx, arn, "v1").document;
 */
export function getPolicyVersion(ctx: IamContext, arn: string, versionId: string): PolicyVersion {
  if (!/^v[1-9][0-9]*(\.[A-Za-z0-9-]*)?$/.test(versionId))
    throw validationError(
      `1 validation error detected: Value '${versionId}' at 'versionId' failed to satisfy constraint: Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?`,
    );
  const policy = findManagedPolicy(ctx, arn);
  if (!policy) throw noSuchPolicy(arn);
  const version = policy.versions.find((v) => v.versionId === versionId);
  if (!version) throw noSuchPolicyVersion(arn, versionId);
  return version;
}

/**
 * DeletePolicy: refused while any role or user has it attached or as its
 * permissions boundary. AWS managed policies are not in the store and so
 * cannot be deleted (NoSuchEntity).
 *
 * @example
 * deletePolicy(ctx, "arn:aws:iam::000000000000:policy/efs-rw");
 */
export function deletePolicy(ctx: IamContext, arn: string): void {
  ctx.store.transaction(() => {
    if (!ctx.store.records.get<ManagedPolicy>(RECORD.policy, arn)) throw noSuchPolicy(arn);
    const usage = getPolicy(ctx, arn);
    if (usage.attachmentCount > 0 || usage.permissionsBoundaryUsageCount > 0) throw policyInUse();
    ctx.store.records.delete(RECORD.policy, arn);
  });
}
