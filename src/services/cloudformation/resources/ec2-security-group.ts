/**
 * `AWS::EC2::SecurityGroup`: CreateSecurityGroup (GroupName or a
 * generated name, GroupDescription, VpcId, Tags), then its
 * `SecurityGroupIngress` rules, and its `SecurityGroupEgress` rules in
 * place of the default allow-all egress rule (CloudFormation removes that
 * rule when egress rules are given). `Ref` is the group id; `Fn::GetAtt`
 * has `GroupId` and `VpcId`.
 */
import { EC2_RECORD, type SecurityGroup } from "../../ec2/model.js";
import { authorizeRules } from "../../ec2/security-group-rules.js";
import { createSecurityGroup } from "../../ec2/security-groups.js";
import { deleteEc2Record } from "../ec2-records.js";
import { generatedName } from "../names.js";
import { type ResourceHandler, undoString } from "../resource-handler.js";
import { rulePermission } from "./ec2-permission.js";

/**
 * The handler of `AWS::EC2::SecurityGroup`.
 *
 * @example
 * EC2_SECURITY_GROUP.create(env, props).attributes.GroupId; // "sg-…"
 */
export const EC2_SECURITY_GROUP: ResourceHandler = {
  create(env, props) {
    const { ctx } = env;
    const groupName =
      props.optionalString("GroupName") ?? generatedName(ctx, env.stackName, env.logicalId, 255);
    const description = props.string("GroupDescription");
    const vpcId = props.optionalString("VpcId");
    const tags = props.tags("Tags");
    const ingress = props
      .objects("SecurityGroupIngress")
      .map((r) => rulePermission(props.nested(r), "ingress"));
    const egress = props
      .objects("SecurityGroupEgress")
      .map((r) => rulePermission(props.nested(r), "egress"));
    const groupArn = `arn:aws:ec2:${ctx.region}:${ctx.account}:security-group/*`;
    env.allow("ec2:CreateSecurityGroup", groupArn);
    const group = createSecurityGroup(ctx, {
      groupName,
      description,
      ...(vpcId === undefined ? {} : { vpcId }),
      tags,
    });
    try {
      if (ingress.length > 0) {
        env.allow("ec2:AuthorizeSecurityGroupIngress", groupArn);
        authorizeRules(ctx, group.groupId, "ingress", ingress);
      }
      if (egress.length > 0) {
        env.allow("ec2:RevokeSecurityGroupEgress", groupArn);
        const made = ctx.store.records.get<SecurityGroup>(EC2_RECORD.securityGroup, group.groupId);
        if (made)
          ctx.store.records.put(EC2_RECORD.securityGroup, group.groupId, { ...made, egress: [] });
        env.allow("ec2:AuthorizeSecurityGroupEgress", groupArn);
        authorizeRules(ctx, group.groupId, "egress", egress);
      }
    } catch (error) {
      deleteEc2Record(ctx, "securityGroup", group.groupId);
      throw error;
    }
    return {
      physicalId: group.groupId,
      attributes: { GroupId: group.groupId, VpcId: group.vpcId },
      undo: { groupId: group.groupId },
    };
  },
  remove(ctx, undo) {
    deleteEc2Record(ctx, "securityGroup", undoString(undo, "groupId"));
  },
};
