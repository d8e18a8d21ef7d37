/**
 * The IAM operations over the query protocol: each entry reads its query
 * parameters into the service's input, calls `src/services/iam`, and
 * shapes the answer as the IAM API's `<OpResult>` members. Operations
 * without output (DeleteRole, PutRolePolicy, …) return `undefined`.
 */
import { type QueryParams, requireParam as require_ } from "../../protocol/query.js";
import {
  createPolicy,
  deletePolicy,
  getPolicy,
  getPolicyVersion,
} from "../../services/iam/managed-policies.js";
import {
  attachRolePolicy,
  deleteRolePolicy,
  detachRolePolicy,
  getRolePolicy,
  listAttachedRolePolicies,
  listRolePolicies,
  putRolePolicy,
} from "../../services/iam/role-policies.js";
import {
  createRole,
  deleteRole,
  deleteRolePermissionsBoundary,
  getRole,
  listRoles,
  putRolePermissionsBoundary,
  updateAssumeRolePolicy,
} from "../../services/iam/roles.js";
import { simulateCustomPolicy, simulatePrincipalPolicy } from "../../services/iam/simulate.js";
import { createAccessKey, createUser, getUser, putUserPolicy } from "../../services/iam/users.js";
import type { QueryTable } from "./handler.js";
import {
  accessKeyShape,
  encodeDocument,
  pageShape,
  policyShape,
  policyVersionShape,
  roleShape,
  userShape,
} from "./iam-shapes.js";
import { simulationInput, simulationShape } from "./iam-simulate.js";
import { optional, optionalInt, pageRequest, tags } from "./query-input.js";

const need = (params: QueryParams, name: string) => require_(params, name, "query");

function withTags(params: QueryParams) {
  const list = tags(params);
  return list === undefined ? {} : { tags: list };
}

/**
 * IAM's handlers by operation name.
 *
 * @example
 * IAM_HANDLERS.GetRole?.(ctx, { params, caller }); // { Role: { RoleName: "app", … } }
 */
export const IAM_HANDLERS: QueryTable = {
  CreateRole: (ctx, { params }) => {
    const maxSessionDuration = optionalInt(params, "MaxSessionDuration");
    const role = createRole(ctx, {
      roleName: need(params, "RoleName"),
      assumeRolePolicyDocument: need(params, "AssumeRolePolicyDocument"),
      ...optional(params, "Path", "path"),
      ...optional(params, "Description", "description"),
      ...optional(params, "PermissionsBoundary", "permissionsBoundary"),
      ...(maxSessionDuration !== undefined ? { maxSessionDuration } : {}),
      ...withTags(params),
    });
    return { Role: roleShape(role) };
  },
  GetRole: (ctx, { params }) => ({ Role: roleShape(getRole(ctx, need(params, "RoleName"))) }),
  DeleteRole: (ctx, { params }) => deleteRole(ctx, need(params, "RoleName")),
  ListRoles: (ctx, { params }) => {
    const page = listRoles(ctx, {
      ...pageRequest(params),
      ...optional(params, "PathPrefix", "pathPrefix"),
    });
    return { Roles: page.items.map(roleShape), ...pageShape(page) };
  },
  UpdateAssumeRolePolicy: (ctx, { params }) => {
    updateAssumeRolePolicy(ctx, need(params, "RoleName"), need(params, "PolicyDocument"));
  },
  PutRolePermissionsBoundary: (ctx, { params }) => {
    putRolePermissionsBoundary(ctx, need(params, "RoleName"), need(params, "PermissionsBoundary"));
  },
  DeleteRolePermissionsBoundary: (ctx, { params }) => {
    deleteRolePermissionsBoundary(ctx, need(params, "RoleName"));
  },
  PutRolePolicy: (ctx, { params }) =>
    putRolePolicy(
      ctx,
      need(params, "RoleName"),
      need(params, "PolicyName"),
      need(params, "PolicyDocument"),
    ),
  GetRolePolicy: (ctx, { params }) => {
    const roleName = need(params, "RoleName");
    const policyName = need(params, "PolicyName");
    const document = getRolePolicy(ctx, roleName, policyName);
    return {
      RoleName: getRole(ctx, roleName).roleName,
      PolicyName: policyName,
      PolicyDocument: encodeDocument(document),
    };
  },
  DeleteRolePolicy: (ctx, { params }) =>
    deleteRolePolicy(ctx, need(params, "RoleName"), need(params, "PolicyName")),
  ListRolePolicies: (ctx, { params }) => {
    const page = listRolePolicies(ctx, need(params, "RoleName"), pageRequest(params));
    return { PolicyNames: page.items, ...pageShape(page) };
  },
  AttachRolePolicy: (ctx, { params }) =>
    attachRolePolicy(ctx, need(params, "RoleName"), need(params, "PolicyArn")),
  DetachRolePolicy: (ctx, { params }) =>
    detachRolePolicy(ctx, need(params, "RoleName"), need(params, "PolicyArn")),
  ListAttachedRolePolicies: (ctx, { params }) => {
    const page = listAttachedRolePolicies(ctx, need(params, "RoleName"), pageRequest(params));
    const attached = page.items.map((p) => ({ PolicyName: p.policyName, PolicyArn: p.policyArn }));
    return { AttachedPolicies: attached, ...pageShape(page) };
  },
  CreatePolicy: (ctx, { params }) => {
    const policy = createPolicy(ctx, {
      policyName: need(params, "PolicyName"),
      policyDocument: need(params, "PolicyDocument"),
      ...optional(params, "Path", "path"),
      ...optional(params, "Description", "description"),
      ...withTags(params),
    });
    return { Policy: policyShape(policy) };
  },
  GetPolicy: (ctx, { params }) => ({
    Policy: policyShape(getPolicy(ctx, need(params, "PolicyArn"))),
  }),
  GetPolicyVersion: (ctx, { params }) => ({
    PolicyVersion: policyVersionShape(
      getPolicyVersion(ctx, need(params, "PolicyArn"), need(params, "VersionId")),
    ),
  }),
  DeletePolicy: (ctx, { params }) => deletePolicy(ctx, need(params, "PolicyArn")),
  CreateUser: (ctx, { params }) => ({
    User: userShape(
      createUser(ctx, {
        userName: need(params, "UserName"),
        ...optional(params, "Path", "path"),
        ...withTags(params),
      }),
    ),
  }),
  GetUser: (ctx, { params, caller }) => {
    const name =
      params.get("UserName") ?? callerUserName(caller.principalArn) ?? need(params, "UserName");
    return { User: userShape(getUser(ctx, name)) };
  },
  PutUserPolicy: (ctx, { params }) =>
    putUserPolicy(
      ctx,
      need(params, "UserName"),
      need(params, "PolicyName"),
      need(params, "PolicyDocument"),
    ),
  CreateAccessKey: (ctx, { params, caller }) => {
    const name =
      params.get("UserName") ?? callerUserName(caller.principalArn) ?? need(params, "UserName");
    return { AccessKey: accessKeyShape(createAccessKey(ctx, name)) };
  },
  SimulateCustomPolicy: (ctx, { params }) =>
    simulationShape(simulateCustomPolicy(ctx, simulationInput(params))),
  SimulatePrincipalPolicy: (ctx, { params }) =>
    simulationShape(
      simulatePrincipalPolicy(ctx, {
        ...simulationInput(params),
        policySourceArn: need(params, "PolicySourceArn"),
      }),
    ),
};

/** GetUser/CreateAccessKey without UserName act on the calling user. */
function callerUserName(principalArn: string): string | undefined {
  return /:user\/(?:.*\/)?([^/]+)$/.exec(principalArn)?.[1];
}
