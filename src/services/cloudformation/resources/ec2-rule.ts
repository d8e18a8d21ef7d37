/**
 * `AWS::EC2::SecurityGroupIngress` and `AWS::EC2::SecurityGroupEgress`:
 * one rule added to the group `GroupId` names; removal revokes exactly the
 * rules it added. `Ref` is the rule id; `Fn::GetAtt` has `Id`.
 */
import { authorizeRules } from "../../ec2/security-group-rules.js";
import { revokeRuleIds } from "../ec2-records.js";
import { type ResourceHandler, undoList, undoString } from "../resource-handler.js";
import { rulePermission } from "./ec2-permission.js";

/**
 * The handler of a standalone rule resource in one direction.
 *
 * @example
 * const ingress = ec2RuleHandler("ingress");
 * ingress.create(env, props).physicalId; // "sgr-…"
 */
export function ec2RuleHandler(direction: "ingress" | "egress"): ResourceHandler {
  const action =
    direction === "ingress"
      ? "ec2:AuthorizeSecurityGroupIngress"
      : "ec2:AuthorizeSecurityGroupEgress";
  return {
    create(env, props) {
      const { ctx } = env;
      const groupId = props.string("GroupId");
      const permission = rulePermission(props, direction);
      env.allow(action, `arn:aws:ec2:${ctx.region}:${ctx.account}:security-group/${groupId}`);
      const rules = authorizeRules(ctx, groupId, direction, [permission]);
      const ids = rules.map((r) => r.rule.ruleId);
      const first = ids[0] ?? "";
      return { physicalId: first, attributes: { Id: first }, undo: { groupId, ruleIds: ids } };
    },
    remove(ctx, undo) {
      revokeRuleIds(ctx, undoString(undo, "groupId"), undoList(undo, "ruleIds"));
    },
  };
}
