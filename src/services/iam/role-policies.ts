/**
 * A role's permissions policies: inline ones (PutRolePolicy, GetRolePolicy,
 * DeleteRolePolicy, ListRolePolicies; all of a role's inline policies
 * together at most 10,240 characters) and attached managed ones
 * (AttachRolePolicy, DetachRolePolicy, ListAttachedRolePolicies; at most 10).
 */
import type { IamContext } from "./context.js";
import {
  inlinePolicySizeExceeded,
  noSuchPolicy,
  noSuchRolePolicy,
  policyNotAttachable,
  quotaExceeded,
} from "./errors.js";
import { checkName } from "./input-checks.js";
import { findManagedPolicy } from "./managed-policies.js";
import { type Page, type PageRequest, paginate } from "./pagination.js";
import { checkPolicyDocument } from "./policy-document.js";
import { MANAGED_POLICIES_PER_ENTITY, policySize, ROLE_INLINE_POLICIES_SIZE } from "./quotas.js";
import { getRole, updateRole } from "./roles.js";

/** A managed policy as ListAttachedRolePolicies lists it. */
export interface AttachedPolicy {
  readonly policyName: string;
  readonly policyArn: string;
}

/**
 * PutRolePolicy: adds or replaces an inline policy.
 *
 * @example
 * putRolePolicy(ctx, "app", "efs", efsPolicyText);
 */
export function putRolePolicy(
  ctx: IamContext,
  roleName: string,
  policyName: string,
  policyDocument: string,
): void {
  checkName("policyName", policyName, 128);
  checkPolicyDocument(policyDocument, "identity", "policyDocument");
  updateRole(ctx, roleName, (role) => {
    const inlinePolicies = { ...role.inlinePolicies, [policyName]: policyDocument };
    const total = Object.values(inlinePolicies).reduce((n, text) => n + policySize(text), 0);
    if (total > ROLE_INLINE_POLICIES_SIZE)
      throw inlinePolicySizeExceeded("role", role.roleName, ROLE_INLINE_POLICIES_SIZE);
    return { ...role, inlinePolicies };
  });
}

/**
 * GetRolePolicy: the inline policy's document text.
 *
 * @example
 * getRolePolicy(ctx, "app", "efs"); // '{"Version":"2012-10-17",…}'
 */
export function getRolePolicy(ctx: IamContext, roleName: string, policyName: string): string {
  const text = getRole(ctx, roleName).inlinePolicies[policyName];
  if (text === undefined) throw noSuchRolePolicy(policyName);
  return text;
}

/** DeleteRolePolicy. */
export function deleteRolePolicy(ctx: IamContext, roleName: string, policyName: string): void {
  updateRole(ctx, roleName, (role) => {
    if (role.inlinePolicies[policyName] === undefined) throw noSuchRolePolicy(policyName);
    const { [policyName]: _dropped, ...inlinePolicies } = role.inlinePolicies;
    return { ...role, inlinePolicies };
  });
}

/**
 * ListRolePolicies: inline policy names in order.
 *
 * @example
 * listRolePolicies(ctx, "app").items; // ["efs", "logs"]
 */
export function listRolePolicies(
  ctx: IamContext,
  roleName: string,
  request: PageRequest = {},
): Page<string> {
  const names = Object.keys(getRole(ctx, roleName).inlinePolicies).sort();
  return paginate(names, (n) => n, request);
}

/**
 * AttachRolePolicy: attaching an attached policy again changes nothing.
 *
 * @example
 * attachRolePolicy(ctx, "app", "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
 */
export function attachRolePolicy(ctx: IamContext, roleName: string, policyArn: string): void {
  updateRole(ctx, roleName, (role) => {
    if (!findManagedPolicy(ctx, policyArn)) throw policyNotAttachable(policyArn);
    if (role.attachedPolicyArns.includes(policyArn)) return role;
    if (role.attachedPolicyArns.length >= MANAGED_POLICIES_PER_ENTITY)
      throw quotaExceeded("PoliciesPerRole", MANAGED_POLICIES_PER_ENTITY);
    return { ...role, attachedPolicyArns: [...role.attachedPolicyArns, policyArn] };
  });
}

/** DetachRolePolicy: NoSuchEntity unless the policy is attached to the role. */
export function detachRolePolicy(ctx: IamContext, roleName: string, policyArn: string): void {
  updateRole(ctx, roleName, (role) => {
    if (!role.attachedPolicyArns.includes(policyArn)) throw noSuchPolicy(policyArn);
    return { ...role, attachedPolicyArns: role.attachedPolicyArns.filter((a) => a !== policyArn) };
  });
}

/**
 * ListAttachedRolePolicies, in the order attached.
 *
 * @example
 * listAttachedRolePolicies(ctx, "app").items[0]?.policyName; // "AWSLambdaBasicExecutionRole"
 */
export function listAttachedRolePolicies(
  ctx: IamContext,
  roleName: string,
  request: PageRequest = {},
): Page<AttachedPolicy> {
  const attached = getRole(ctx, roleName).attachedPolicyArns.map((policyArn) => ({
    policyArn,
    policyName: findManagedPolicy(ctx, policyArn)?.policyName ?? policyArn.split("/").pop() ?? "",
  }));
  const keyed = attached.map((p, i) => ({ p, key: String(i).padStart(4, "0") }));
  const page = paginate(keyed, (k) => k.key, request);
  return { ...page, items: page.items.map((k) => k.p) };
}
