/**
 * `AWS::EC2::VPC` (CidrBlock, Tags; `Ref` the VPC id, `Fn::GetAtt`
 * `VpcId`, `CidrBlock`, `DefaultSecurityGroup`) and `AWS::EC2::Subnet`
 * (VpcId, CidrBlock, AvailabilityZone or AvailabilityZoneId, Tags; `Ref`
 * the subnet id, `Fn::GetAtt` `SubnetId`, `VpcId`, `AvailabilityZone`,
 * `AvailabilityZoneId`, `CidrBlock`), created through the EC2 service.
 */
import { EC2_RECORD, type SecurityGroup } from "../../ec2/model.js";
import { createSubnet } from "../../ec2/subnets.js";
import { createVpc } from "../../ec2/vpcs.js";
import { deleteEc2Record } from "../ec2-records.js";
import { type ResourceHandler, undoString } from "../resource-handler.js";

/**
 * The handler of `AWS::EC2::VPC`.
 *
 * @example
 * EC2_VPC.create(env, props).physicalId; // "vpc-…"
 */
export const EC2_VPC: ResourceHandler = {
  create(env, props) {
    const { ctx } = env;
    const cidrBlock = props.string("CidrBlock");
    const tags = props.tags("Tags");
    env.allow("ec2:CreateVpc", `arn:aws:ec2:${ctx.region}:${ctx.account}:vpc/*`);
    const vpc = createVpc(ctx, { cidrBlock, tags });
    const defaultGroup = ctx.store.records
      .list<SecurityGroup>(EC2_RECORD.securityGroup)
      .find((g) => g.vpcId === vpc.vpcId && g.groupName === "default");
    return {
      physicalId: vpc.vpcId,
      attributes: {
        VpcId: vpc.vpcId,
        CidrBlock: vpc.cidrBlock,
        ...(defaultGroup ? { DefaultSecurityGroup: defaultGroup.groupId } : {}),
      },
      undo: { vpcId: vpc.vpcId },
    };
  },
  remove(ctx, undo) {
    deleteEc2Record(ctx, "vpc", undoString(undo, "vpcId"));
  },
};

/**
 * The handler of `AWS::EC2::Subnet`.
 *
 * @example
 * EC2_SUBNET.create(env, props).attributes.AvailabilityZone; // "us-east-1a"
 */
export const EC2_SUBNET: ResourceHandler = {
  create(env, props) {
    const { ctx } = env;
    const vpcId = props.string("VpcId");
    const cidrBlock = props.string("CidrBlock");
    const availabilityZone = props.optionalString("AvailabilityZone");
    const availabilityZoneId = props.optionalString("AvailabilityZoneId");
    const tags = props.tags("Tags");
    env.allow("ec2:CreateSubnet", `arn:aws:ec2:${ctx.region}:${ctx.account}:subnet/*`);
    const subnet = createSubnet(ctx, {
      vpcId,
      cidrBlock,
      ...(availabilityZone === undefined ? {} : { availabilityZone }),
      ...(availabilityZoneId === undefined ? {} : { availabilityZoneId }),
      tags,
    });
    return {
      physicalId: subnet.subnetId,
      attributes: {
        SubnetId: subnet.subnetId,
        VpcId: subnet.vpcId,
        AvailabilityZone: subnet.availabilityZone,
        AvailabilityZoneId: subnet.availabilityZoneId,
        CidrBlock: subnet.cidrBlock,
      },
      undo: { subnetId: subnet.subnetId },
    };
  },
  remove(ctx, undo) {
    deleteEc2Record(ctx, "subnet", undoString(undo, "subnetId"));
  },
};
