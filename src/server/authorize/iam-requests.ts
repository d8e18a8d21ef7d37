/**
 * What each IAM operation asks the policy engine: its action
 * (`iam:<Operation>`) and the resource ARN it acts on, read from the query
 * parameters (an existing role or user gives its real ARN, path included;
 * a new one the ARN it would get). A required name that is missing gives
 * `*`, and dispatch then answers the ValidationError.
 */
import type { QueryParams } from "../../protocol/query.js";
import type { IamContext } from "../../services/iam/context.js";
import { policyArn, roleArn, userArn } from "../../services/iam/ids.js";
import { findRole } from "../../services/iam/roles.js";
import { findUser } from "../../services/iam/users.js";
import type { Caller } from "../caller.js";
import type { AccessAsk } from "../handlers/handler.js";
import type { QueryAccess } from "../handlers/query-binding.js";

type ResourceOf = (ctx: IamContext, params: QueryParams, caller: Caller) => string;

const role: ResourceOf = (ctx, params) => {
  const name = params.get("RoleName");
  if (name === undefined) return "*";
  return findRole(ctx, name)?.arn ?? roleArn(ctx.account, params.get("Path") ?? "/", name);
};

const user: ResourceOf = (ctx, params, caller) => {
  const name = params.get("UserName");
  if (name === undefined) return caller.principalArn.includes(":user/") ? caller.principalArn : "*";
  return findUser(ctx, name)?.arn ?? userArn(ctx.account, params.get("Path") ?? "/", name);
};

const policy: ResourceOf = (_ctx, params) => params.get("PolicyArn") ?? "*";

const newPolicy: ResourceOf = (ctx, params) => {
  const name = params.get("PolicyName");
  return name === undefined ? "*" : policyArn(ctx.account, params.get("Path") ?? "/", name);
};

const RESOURCES: Readonly<Record<string, ResourceOf>> = {
  CreateRole: role,
  GetRole: role,
  DeleteRole: role,
  ListRoles: () => "*",
  UpdateAssumeRolePolicy: role,
  PutRolePermissionsBoundary: role,
  DeleteRolePermissionsBoundary: role,
  PutRolePolicy: role,
  GetRolePolicy: role,
  DeleteRolePolicy: role,
  ListRolePolicies: role,
  AttachRolePolicy: role,
  DetachRolePolicy: role,
  ListAttachedRolePolicies: role,
  CreatePolicy: newPolicy,
  GetPolicy: policy,
  GetPolicyVersion: policy,
  DeletePolicy: policy,
  CreateUser: user,
  GetUser: user,
  PutUserPolicy: user,
  CreateAccessKey: user,
  SimulateCustomPolicy: () => "*",
  SimulatePrincipalPolicy: (_ctx, params) => params.get("PolicySourceArn") ?? "*",
};

/**
 * What an IAM call must be allowed: its action and resource (nothing for an
 * operation accesslab does not serve: the binding refuses it).
 *
 * @example
 * iamAccess(ctx, "GetRole", params, caller);
 * // [{ action: "iam:GetRole", resource: "arn:aws:iam::000000000000:role/app" }]
 */
export const iamAccess: QueryAccess = (ctx, operation, params, caller): readonly AccessAsk[] => {
  const resourceOf = Object.hasOwn(RESOURCES, operation) ? RESOURCES[operation] : undefined;
  if (resourceOf === undefined) return [];
  return [{ action: `iam:${operation}`, resource: resourceOf(ctx, params, caller) }];
};
