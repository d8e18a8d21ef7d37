import { describe, expect, it } from "vitest";
import { createStack } from "../../../services/cloudformation/create-stack.js";
import { cfnTestContext, ROOT } from "../../../services/cloudformation/template.test-support.js";
import { findFunction } from "../../../services/lambda/functions.js";
import { parseCloudFormation } from "../../../templates/cfn/parse-template.js";
import { resolveTemplate } from "../../../templates/cfn/resolve-template.js";
import { BLOCKED_ENDPOINT_URL, serviceEndpointVariables } from "./service-endpoints.js";

const template = (endpointIngress: boolean, privateDns: boolean) => `
Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  Subnet:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1a }
  FunctionGroup:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: fn, VpcId: !Ref Vpc }
  EndpointGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: endpoint
      VpcId: !Ref Vpc
      SecurityGroupIngress: ${
        endpointIngress
          ? "[{ IpProtocol: tcp, FromPort: 443, ToPort: 443, SourceSecurityGroupId: !Ref FunctionGroup }]"
          : "[]"
      }
  Endpoint:
    Type: AWS::EC2::VPCEndpoint
    Properties:
      VpcId: !Ref Vpc
      ServiceName: com.amazonaws.us-east-1.secretsmanager
      VpcEndpointType: Interface
      PrivateDnsEnabled: ${privateDns}
      SubnetIds: [!Ref Subnet]
      SecurityGroupIds: [!Ref EndpointGroup]
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }]
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      FunctionName: reader
      Runtime: nodejs22.x
      Handler: index.handler
      Role: !GetAtt Role.Arn
      Code: { ZipFile: "exports.handler = async () => 1" }
      VpcConfig: { SubnetIds: [!Ref Subnet], SecurityGroupIds: [!Ref FunctionGroup] }
`;

function variablesFor(text: string) {
  const ctx = cfnTestContext();
  const { document } = parseCloudFormation(text, "t.yaml");
  if (document === undefined) throw new Error("unreadable");
  const stack = createStack(ctx, {
    stackName: "net",
    template: resolveTemplate(document),
    caller: ROOT,
  });
  expect(stack.status).toBe("CREATE_COMPLETE");
  const fn = findFunction(ctx, "reader");
  if (fn === undefined) throw new Error("no function");
  const endpointId = stack.resources.find((r) => r.logicalId === "Endpoint")?.physicalId;
  return { variables: serviceEndpointVariables(ctx, fn, "http://127.0.0.1:4566/"), endpointId };
}

describe("serviceEndpointVariables", () => {
  it("sends a VPC function's Secrets Manager calls through its VPC's private DNS endpoint", () => {
    const { variables, endpointId } = variablesFor(template(true, true));
    expect(variables).toEqual({
      AWS_ENDPOINT_URL_SECRETS_MANAGER: `http://127.0.0.1:4566/_vpce/${endpointId}`,
    });
  });

  it("points at a closed port when the endpoint's groups do not admit HTTPS from the function", () => {
    expect(variablesFor(template(false, true)).variables).toEqual({
      AWS_ENDPOINT_URL_SECRETS_MANAGER: BLOCKED_ENDPOINT_URL,
    });
  });

  it("keeps the public path when the endpoint has no private DNS", () => {
    expect(variablesFor(template(true, false)).variables).toEqual({});
  });
});
