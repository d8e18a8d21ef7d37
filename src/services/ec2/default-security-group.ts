/**
 * The rules EC2 gives security groups at birth: every group may send all
 * traffic to 0.0.0.0/0, and a VPC's `default` group also admits all
 * traffic from its own members.
 */
import type { Ec2Context } from "./context.js";
import { newEc2Id } from "./ids.js";
import { EC2_RECORD, type SecurityGroup, type SecurityGroupRule } from "./model.js";

/**
 * A new security group id.
 *
 * @example
 * newGroupId(ctx); // "sg-0a1b2c3d4e5f60718"
 */
export function newGroupId(ctx: Ec2Context): string {
  return newEc2Id("sg", ctx.random);
}

/**
 * The rule every new group starts with: all traffic out to anywhere.
 *
 * @example
 * allTrafficOut(ctx).peer; // { kind: "cidr", cidr: "0.0.0.0/0" }
 */
export function allTrafficOut(ctx: Ec2Context): SecurityGroupRule {
  return {
    ruleId: newEc2Id("sgr", ctx.random),
    ipProtocol: "-1",
    fromPort: -1,
    toPort: -1,
    peer: { kind: "cidr", cidr: "0.0.0.0/0" },
  };
}

/**
 * The `default` group of a new VPC: all traffic in from its own members, all out.
 *
 * @example
 * createDefaultSecurityGroup(ctx, "vpc-0123456789abcdef0").groupName; // "default"
 */
export function createDefaultSecurityGroup(ctx: Ec2Context, vpcId: string): SecurityGroup {
  const groupId = newGroupId(ctx);
  const group: SecurityGroup = {
    groupId,
    groupName: "default",
    description: "default VPC security group",
    vpcId,
    ownerId: ctx.account,
    ingress: [
      {
        ruleId: newEc2Id("sgr", ctx.random),
        ipProtocol: "-1",
        fromPort: -1,
        toPort: -1,
        peer: { kind: "security-group", groupId },
      },
    ],
    egress: [allTrafficOut(ctx)],
    tags: [],
  };
  ctx.store.records.put(EC2_RECORD.securityGroup, groupId, group);
  return group;
}
