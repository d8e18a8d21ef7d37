/**
 * `AWS::EC2::VPCEndpoint`: CreateVpcEndpoint (VpcId, ServiceName,
 * VpcEndpointType, SubnetIds, SecurityGroupIds, PrivateDnsEnabled,
 * PolicyDocument). `Ref` is the endpoint id; `Fn::GetAtt` has `Id`.
 */
import { createVpcEndpoint } from "../../ec2/vpc-endpoints.js";
import { deleteEc2Record } from "../ec2-records.js";
import { type ResourceHandler, undoString } from "../resource-handler.js";

/**
 * The handler of `AWS::EC2::VPCEndpoint`.
 *
 * @example
 * EC2_VPC_ENDPOINT.create(env, props).physicalId; // "vpce-…"
 */
export const EC2_VPC_ENDPOINT: ResourceHandler = {
  create(env, props) {
    const { ctx } = env;
    const type = props.optionalString("VpcEndpointType");
    const privateDns = props.optionalBoolean("PrivateDnsEnabled");
    const policy =
      props.value("PolicyDocument") === undefined ? undefined : props.policy("PolicyDocument");
    const input = {
      vpcId: props.string("VpcId"),
      serviceName: props.string("ServiceName"),
      subnetIds: props.strings("SubnetIds"),
      securityGroupIds: props.strings("SecurityGroupIds"),
      tags: [],
      ...(type === undefined ? {} : { vpcEndpointType: type }),
      ...(privateDns === undefined ? {} : { privateDnsEnabled: privateDns }),
      ...(policy === undefined ? {} : { policyDocument: policy }),
    };
    env.allow("ec2:CreateVpcEndpoint", `arn:aws:ec2:${ctx.region}:${ctx.account}:vpc-endpoint/*`);
    const endpoint = createVpcEndpoint(ctx, input);
    return {
      physicalId: endpoint.vpcEndpointId,
      attributes: { Id: endpoint.vpcEndpointId },
      undo: { vpcEndpointId: endpoint.vpcEndpointId },
    };
  },
  remove(ctx, undo) {
    deleteEc2Record(ctx, "vpcEndpoint", undoString(undo, "vpcEndpointId"));
  },
};
