/**
 * `AWS::IAM::Role`: CreateRole (RoleName or a generated name, Path,
 * Description, MaxSessionDuration, PermissionsBoundary, Tags), then each
 * inline policy of `Policies` (PutRolePolicy) and each of
 * `ManagedPolicyArns` (AttachRolePolicy), every step authorized; an AWS
 * managed policy accesslab does not carry is left out with a warning on
 * the event, as it exists in every real account. A step
 * that fails after CreateRole deletes the half-made role. `Ref` is the
 * role name; `Fn::GetAtt` has `Arn` and `RoleId`.
 */

import type { ServiceContext } from "../../context.js";
import { roleArn } from "../../iam/ids.js";
import { findManagedPolicy } from "../../iam/managed-policies.js";
import {
  attachRolePolicy,
  deleteRolePolicy,
  detachRolePolicy,
  putRolePolicy,
} from "../../iam/role-policies.js";
import {
  createRole,
  deleteRole,
  deleteRolePermissionsBoundary,
  findRole,
} from "../../iam/roles.js";
import { generatedName } from "../names.js";
import type { ResourceHandler } from "../resource-handler.js";
import { undoString } from "../resource-handler.js";

/** The ARN prefix of AWS managed policies. */
const AWS_POLICY_PREFIX = "arn:aws:iam::aws:policy/";

/**
 * The handler of `AWS::IAM::Role`.
 *
 * @example
 * IAM_ROLE.create(env, props).attributes.Arn; // "arn:aws:iam::000000000000:role/app-Role-…"
 */
export const IAM_ROLE: ResourceHandler = {
  create(env, props) {
    const { ctx } = env;
    const roleName =
      props.optionalString("RoleName") ?? generatedName(ctx, env.stackName, env.logicalId, 64);
    const path = props.optionalString("Path") ?? "/";
    const arn = roleArn(ctx.account, path, roleName);
    const trust = props.policy("AssumeRolePolicyDocument");
    const description = props.optionalString("Description");
    const maxSessionDuration = props.optionalNumber("MaxSessionDuration");
    const boundary = props.optionalString("PermissionsBoundary");
    const policies = props.objects("Policies").map((p) => {
      const policy = props.nested(p);
      return { name: policy.string("PolicyName"), document: policy.policy("PolicyDocument") };
    });
    const listed = props.strings("ManagedPolicyArns");
    const unknown = listed.filter(
      (a) => a.startsWith(AWS_POLICY_PREFIX) && !findManagedPolicy(ctx, a),
    );
    const managed = listed.filter((a) => !unknown.includes(a));
    const tags = props.tags("Tags");
    env.allow("iam:CreateRole", arn);
    const role = createRole(ctx, {
      roleName,
      assumeRolePolicyDocument: trust,
      path,
      ...(description === undefined ? {} : { description }),
      ...(maxSessionDuration === undefined ? {} : { maxSessionDuration }),
      ...(boundary === undefined ? {} : { permissionsBoundary: boundary }),
      tags,
    });
    try {
      for (const p of policies) {
        env.allow("iam:PutRolePolicy", arn);
        putRolePolicy(ctx, roleName, p.name, p.document);
      }
      for (const policyArn of managed) {
        env.allow("iam:AttachRolePolicy", arn);
        attachRolePolicy(ctx, roleName, policyArn);
      }
    } catch (error) {
      removeRole(ctx, roleName);
      throw error;
    }
    return {
      physicalId: roleName,
      attributes: { Arn: role.arn, RoleId: role.roleId },
      undo: { roleName },
      ...(unknown.length > 0
        ? {
            warning: `AWS managed ${unknown.length === 1 ? "policy" : "policies"} ${unknown.map((a) => `\`${a}\``).join(", ")} not known to accesslab: not attached`,
          }
        : {}),
    };
  },
  remove(ctx, undo) {
    removeRole(ctx, undoString(undo, "roleName"));
  },
};

/**
 * Deletes a role with whatever policies it still has (as CloudFormation
 * does); a role already gone is left alone.
 *
 * @example
 * removeRole(ctx, "app-Role-ABC");
 */
export function removeRole(ctx: ServiceContext, roleName: string): void {
  const role = findRole(ctx, roleName);
  if (!role) return;
  for (const name of Object.keys(role.inlinePolicies)) deleteRolePolicy(ctx, roleName, name);
  for (const arn of role.attachedPolicyArns) detachRolePolicy(ctx, roleName, arn);
  if (role.permissionsBoundaryArn !== undefined) deleteRolePermissionsBoundary(ctx, roleName);
  deleteRole(ctx, roleName);
}
