/**
 * `AWS::IAM::Policy`: one inline policy (PolicyName, PolicyDocument) put
 * on each role of `Roles` (PutRolePolicy) and each user of `Users`
 * (PutUserPolicy), every put authorized; removal deletes it from each
 * again. `Ref` is a generated physical id, as CloudFormation's is.
 */
import { nameKey, RECORD } from "../../iam/context.js";
import { roleArn, userArn } from "../../iam/ids.js";
import type { User } from "../../iam/model.js";
import { deleteRolePolicy, putRolePolicy } from "../../iam/role-policies.js";
import { findRole } from "../../iam/roles.js";
import { findUser, putUserPolicy } from "../../iam/users.js";
import { generatedName } from "../names.js";
import { type ResourceHandler, undoList, undoString } from "../resource-handler.js";

/**
 * The handler of `AWS::IAM::Policy`.
 *
 * @example
 * IAM_POLICY.create(env, props).undo; // { policyName: "read", roles: ["app"], users: [] }
 */
export const IAM_POLICY: ResourceHandler = {
  create(env, props) {
    const { ctx } = env;
    const policyName = props.string("PolicyName");
    const document = props.policy("PolicyDocument");
    const roles = props.strings("Roles");
    const users = props.strings("Users");
    const done: { roles: string[]; users: string[] } = { roles: [], users: [] };
    try {
      for (const role of roles) {
        env.allow(
          "iam:PutRolePolicy",
          roleArn(ctx.account, findRole(ctx, role)?.path ?? "/", role),
        );
        putRolePolicy(ctx, role, policyName, document);
        done.roles.push(role);
      }
      for (const user of users) {
        env.allow(
          "iam:PutUserPolicy",
          userArn(ctx.account, findUser(ctx, user)?.path ?? "/", user),
        );
        putUserPolicy(ctx, user, policyName, document);
        done.users.push(user);
      }
    } catch (error) {
      IAM_POLICY.remove(ctx, { policyName, ...done });
      throw error;
    }
    return {
      physicalId: generatedName(ctx, env.stackName, env.logicalId, 64),
      attributes: {},
      undo: { policyName, roles, users },
    };
  },
  remove(ctx, undo) {
    const policyName = undoString(undo, "policyName");
    for (const role of undoList(undo, "roles"))
      if (findRole(ctx, role)?.inlinePolicies[policyName] !== undefined)
        deleteRolePolicy(ctx, role, policyName);
    for (const name of undoList(undo, "users")) {
      const user = findUser(ctx, name);
      if (!user || user.inlinePolicies[policyName] === undefined) continue;
      const { [policyName]: _dropped, ...inlinePolicies } = user.inlinePolicies;
      // IAM has no DeleteUserPolicy function yet; the record is edited as IAM would.
      ctx.store.records.put<User>(RECORD.user, nameKey(name), { ...user, inlinePolicies });
    }
  },
};
