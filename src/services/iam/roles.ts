/**
 * IAM roles: CreateRole, GetRole, DeleteRole, ListRoles,
 * UpdateAssumeRolePolicy and PutRolePermissionsBoundary. A role's trust
 * policy is validated as a trust policy (a principal, no resource, only
 * `sts:AssumeRole*`-family actions) and limited to 2,048 characters.
 * Each call is one store transaction.
 */
import { type IamContext, nameKey, RECORD } from "./context.js";
import {
  mustDeletePolicies,
  mustDetachPolicies,
  noSuchRole,
  policyNotAttachable,
  quotaExceeded,
  roleAlreadyExists,
} from "./errors.js";
import { newUniqueId, roleArn } from "./ids.js";
import { checkName, checkPath, checkRange } from "./input-checks.js";
import { findManagedPolicy } from "./managed-policies.js";
import type { Role, Tag } from "./model.js";
import { type Page, type PageRequest, paginate } from "./pagination.js";
import { checkPolicyDocument } from "./policy-document.js";
import { policySize, ROLES_PER_ACCOUNT, TRUST_POLICY_SIZE } from "./quotas.js";

/** The session duration limit of a new role when none is given (seconds). */
export const DEFAULT_MAX_SESSION_DURATION = 3600;

/** CreateRole input. */
export interface CreateRoleInput {
  readonly roleName: string;
  readonly assumeRolePolicyDocument: string;
  readonly path?: string;
  readonly description?: string;
  readonly maxSessionDuration?: number;
  readonly permissionsBoundary?: string;
  readonly tags?: readonly Tag[];
}

function checkTrustPolicy(text: string): void {
  checkPolicyDocument(text, "trust", "assumeRolePolicyDocument");
  if (policySize(text) > TRUST_POLICY_SIZE)
    throw quotaExceeded("ACLSizePerRole", TRUST_POLICY_SIZE);
}

function checkBoundary(ctx: IamContext, arn: string): void {
  if (!findManagedPolicy(ctx, arn)) throw policyNotAttachable(arn);
}

/**
 * CreateRole.
 *
 * @example
 * const role = createRole(ctx, { roleName: "app", assumeRolePolicyDocument: lambdaTrust });
 * role.arn; // "arn:aws:iam::000000000000:role/app"
 */
export function createRole(ctx: IamContext, input: CreateRoleInput): Role {
  const path = input.path ?? "/";
  checkName("roleName", input.roleName, 64);
  checkPath(path);
  const maxSessionDuration = input.maxSessionDuration ?? DEFAULT_MAX_SESSION_DURATION;
  checkRange("maxSessionDuration", maxSessionDuration, 3600, 43200);
  checkTrustPolicy(input.assumeRolePolicyDocument);
  return ctx.store.transaction(() => {
    if (ctx.store.records.get<Role>(RECORD.role, nameKey(input.roleName)))
      throw roleAlreadyExists(input.roleName);
    if (ctx.store.records.count(RECORD.role) >= ROLES_PER_ACCOUNT)
      throw quotaExceeded("RolesPerAccount", ROLES_PER_ACCOUNT);
    if (input.permissionsBoundary !== undefined) checkBoundary(ctx, input.permissionsBoundary);
    const role: Role = {
      roleName: input.roleName,
      roleId: newUniqueId("AROA", ctx.random),
      arn: roleArn(ctx.account, path, input.roleName),
      path,
      createDate: ctx.clock(),
      assumeRolePolicyDocument: input.assumeRolePolicyDocument,
      maxSessionDuration,
      inlinePolicies: {},
      attachedPolicyArns: [],
      tags: input.tags ?? [],
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.permissionsBoundary !== undefined
        ? { permissionsBoundaryArn: input.permissionsBoundary }
        : {}),
    };
    ctx.store.records.put(RECORD.role, nameKey(role.roleName), role);
    return role;
  });
}

/**
 * GetRole, or NoSuchEntity.
 *
 * @example
 * getRole(ctx, "app").roleId; // "AROA…"
 */
export function getRole(ctx: IamContext, roleName: string): Role {
  const role = findRole(ctx, roleName);
  if (!role) throw noSuchRole(roleName);
  return role;
}

/** The role with this name (case-insensitive, as IAM names are), if any. */
export function findRole(ctx: IamContext, roleName: string): Role | undefined {
  return ctx.store.records.get<Role>(RECORD.role, nameKey(roleName));
}

/**
 * DeleteRole: refused with DeleteConflict while inline policies remain or
 * managed policies are attached.
 *
 * @example
 * deleteRole(ctx, "app");
 */
export function deleteRole(ctx: IamContext, roleName: string): void {
  ctx.store.transaction(() => {
    const role = getRole(ctx, roleName);
    if (Object.keys(role.inlinePolicies).length > 0) throw mustDeletePolicies();
    if (role.attachedPolicyArns.length > 0) throw mustDetachPolicies();
    ctx.store.records.delete(RECORD.role, nameKey(role.roleName));
  });
}

/**
 * ListRoles: roles in name order, filtered by path prefix, one page at a time.
 *
 * @example
 * const page = listRoles(ctx, { maxItems: 10 });
 * if (page.isTruncated) listRoles(ctx, { maxItems: 10, marker: page.marker });
 */
export function listRoles(
  ctx: IamContext,
  request: PageRequest & { readonly pathPrefix?: string } = {},
): Page<Role> {
  const prefix = request.pathPrefix ?? "/";
  const roles = ctx.store.records.list<Role>(RECORD.role).filter((r) => r.path.startsWith(prefix));
  return paginate(roles, (r) => nameKey(r.roleName), request);
}

/**
 * UpdateAssumeRolePolicy: replaces the trust policy.
 *
 * @example
 * updateAssumeRolePolicy(ctx, "app", ecsTrust);
 */
export function updateAssumeRolePolicy(ctx: IamContext, roleName: string, document: string): Role {
  checkTrustPolicy(document);
  return updateRole(ctx, roleName, (role) => ({ ...role, assumeRolePolicyDocument: document }));
}

/**
 * PutRolePermissionsBoundary: the managed policy must exist.
 *
 * @example
 * putRolePermissionsBoundary(ctx, "app", "arn:aws:iam::aws:policy/AmazonElasticFileSystemClientReadWriteAccess");
 */
export function putRolePermissionsBoundary(
  ctx: IamContext,
  roleName: string,
  permissionsBoundary: string,
): Role {
  return updateRole(ctx, roleName, (role) => {
    checkBoundary(ctx, permissionsBoundary);
    return { ...role, permissionsBoundaryArn: permissionsBoundary };
  });
}

/** Reads, changes and writes back one role in a transaction. */
export function updateRole(ctx: IamContext, roleName: string, change: (role: Role) => Role): Role {
  return ctx.store.transaction(() => {
    const next = change(getRole(ctx, roleName));
    ctx.store.records.put(RECORD.role, nameKey(next.roleName), next);
    return next;
  });
}

/**
 * DeleteRolePermissionsBoundary.
 *
 * @example
 * deleteRolePermissionsBoundary(ctx, "app");
 */
export function deleteRolePermissionsBoundary(ctx: IamContext, roleName: string): Role {
  return updateRole(ctx, roleName, ({ permissionsBoundaryArn: _dropped, ...role }) => role);
}
