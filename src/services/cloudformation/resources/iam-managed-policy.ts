/**
 * `AWS::IAM::ManagedPolicy`: CreatePolicy (ManagedPolicyName or a
 * generated name, Path, Description, PolicyDocument), then
 * AttachRolePolicy for each of `Roles`, every step authorized; removal
 * detaches and deletes it. `Ref` is the policy ARN; `Fn::GetAtt` has
 * `PolicyArn`, `PolicyId`.
 */

import type { ServiceContext } from "../../context.js";
import { policyArn } from "../../iam/ids.js";
import { createPolicy, deletePolicy } from "../../iam/managed-policies.js";
import { attachRolePolicy, detachRolePolicy } from "../../iam/role-policies.js";
import { findRole } from "../../iam/roles.js";
import { generatedName } from "../names.js";
import { type ResourceHandler, undoList, undoString } from "../resource-handler.js";

/**
 * The handler of `AWS::IAM::ManagedPolicy`.
 *
 * @example
 * IAM_MANAGED_POLICY.create(env, props).physicalId; // "arn:aws:iam::000000000000:policy/app-Policy-…"
 */
export const IAM_MANAGED_POLICY: ResourceHandler = {
  create(env, props) {
    const { ctx } = env;
    const name =
      props.optionalString("ManagedPolicyName") ??
      generatedName(ctx, env.stackName, env.logicalId, 128);
    const path = props.optionalString("Path") ?? "/";
    const description = props.optionalString("Description");
    const document = props.policy("PolicyDocument");
    const roles = props.strings("Roles");
    const arn = policyArn(ctx.account, path, name);
    env.allow("iam:CreatePolicy", arn);
    const policy = createPolicy(ctx, {
      policyName: name,
      policyDocument: document,
      path,
      ...(description === undefined ? {} : { description }),
    });
    try {
      for (const role of roles) {
        env.allow("iam:AttachRolePolicy", findRole(ctx, role)?.arn ?? "*");
        attachRolePolicy(ctx, role, policy.arn);
      }
    } catch (error) {
      removeManagedPolicy(ctx, policy.arn, roles);
      throw error;
    }
    return {
      physicalId: policy.arn,
      attributes: { PolicyArn: policy.arn, PolicyId: policy.policyId },
      undo: { arn: policy.arn, roles },
    };
  },
  remove(ctx, undo) {
    removeManagedPolicy(ctx, undoString(undo, "arn"), undoList(undo, "roles"));
  },
};

function removeManagedPolicy(ctx: ServiceContext, arn: string, roles: readonly string[]): void {
  for (const role of roles)
    if (findRole(ctx, role)?.attachedPolicyArns.includes(arn)) detachRolePolicy(ctx, role, arn);
  deletePolicy(ctx, arn);
}
