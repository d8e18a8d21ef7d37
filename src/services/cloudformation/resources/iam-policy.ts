/**
 * `AWS::IAM::Policy`: one inline policy (PolicyName, PolicyDocument) put
 * on each role of `Roles` (PutRolePolicy) and each user of `Users`
 * (PutUserPolicy), every put authorized; removal deletes it from each
 * again. A stack update changes it in place: the new document is put on
 * the new roles and users, then the policy is deleted from those it no
 * longer applies to. `Ref` is a generated physical id, as CloudFormation's is.
 */

import type { ServiceContext } from "../../context.js";
import { nameKey, RECORD } from "../../iam/context.js";
import { roleArn, userArn } from "../../iam/ids.js";
import type { User } from "../../iam/model.js";
import { deleteRolePolicy, putRolePolicy } from "../../iam/role-policies.js";
import { findRole } from "../../iam/roles.js";
import { findUser, putUserPolicy } from "../../iam/users.js";
import { generatedName } from "../names.js";
import type { PropertyReader } from "../properties.js";
import {
  type Created,
  type HandlerEnv,
  type ResourceHandler,
  undoList,
  undoString,
} from "../resource-handler.js";

interface PolicyUndo {
  readonly policyName: string;
  readonly roles: readonly string[];
  readonly users: readonly string[];
}

/**
 * The handler of `AWS::IAM::Policy`.
 *
 * @example
 * IAM_POLICY.create(env, props).undo; // { policyName: "read", roles: ["app"], users: [] }
 */
export const IAM_POLICY: ResourceHandler = {
  create(env, props) {
    return {
      physicalId: generatedName(env.ctx, env.stackName, env.logicalId, 64),
      attributes: {},
      undo: { ...putPolicy(env, props) },
    };
  },
  update(env, props, previous: Created) {
    const undo = putPolicy(env, props);
    const oldName = undoString(previous.undo, "policyName");
    const keep = (list: readonly string[], name: string) =>
      oldName === undo.policyName && list.includes(name);
    removePolicy(env.ctx, {
      policyName: oldName,
      roles: undoList(previous.undo, "roles").filter((r) => !keep(undo.roles, r)),
      users: undoList(previous.undo, "users").filter((u) => !keep(undo.users, u)),
    });
    return { physicalId: previous.physicalId, attributes: {}, undo: { ...undo } };
  },
  remove(ctx, undo) {
    removePolicy(ctx, {
      policyName: undoString(undo, "policyName"),
      roles: undoList(undo, "roles"),
      users: undoList(undo, "users"),
    });
  },
};

function putPolicy(env: HandlerEnv, props: PropertyReader): PolicyUndo {
  const { ctx } = env;
  const policyName = props.string("PolicyName");
  const document = props.policy("PolicyDocument");
  const roles = props.strings("Roles");
  const users = props.strings("Users");
  const done: { roles: string[]; users: string[] } = { roles: [], users: [] };
  try {
    for (const role of roles) {
      env.allow("iam:PutRolePolicy", roleArn(ctx.account, findRole(ctx, role)?.path ?? "/", role));
      putRolePolicy(ctx, role, policyName, document);
      done.roles.push(role);
    }
    for (const user of users) {
      env.allow("iam:PutUserPolicy", userArn(ctx.account, findUser(ctx, user)?.path ?? "/", user));
      putUserPolicy(ctx, user, policyName, document);
      done.users.push(user);
    }
  } catch (error) {
    removePolicy(ctx, { policyName, ...done });
    throw error;
  }
  return { policyName, roles, users };
}

function removePolicy(ctx: ServiceContext, undo: PolicyUndo): void {
  const { policyName } = undo;
  for (const role of undo.roles)
    if (findRole(ctx, role)?.inlinePolicies[policyName] !== undefined)
      deleteRolePolicy(ctx, role, policyName);
  for (const name of undo.users) {
    const user = findUser(ctx, name);
    if (!user || user.inlinePolicies[policyName] === undefined) continue;
    const { [policyName]: _dropped, ...inlinePolicies } = user.inlinePolicies;
    // IAM has no DeleteUserPolicy function yet; the record is edited as IAM would.
    ctx.store.records.put<User>(RECORD.user, nameKey(name), { ...user, inlinePolicies });
  }
}
