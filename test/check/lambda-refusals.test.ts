/**
 * Lambda's EFS refusals at deployment become the rules that explain them:
 * a function whose subnet's zone has no mount target, and one with
 * FileSystemConfigs but no VPC; adding the mount target makes the first go.
 */
import { describe, expect, it } from "vitest";
import { emulationProbe } from "../../src/check/emulation-probe.js";
import { parseCloudFormation } from "../../src/templates/cfn/parse-template.js";

const template = (withSecondMountTarget: boolean) => `
Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.9.0.0/16 } }
  SubnetA: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.9.1.0/24, AvailabilityZone: us-east-1a } }
  SubnetB: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.9.2.0/24, AvailabilityZone: us-east-1b } }
  Group: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: fn, VpcId: !Ref Vpc } }
  Data: { Type: AWS::EFS::FileSystem }
  TargetA: { Type: AWS::EFS::MountTarget, Properties: { FileSystemId: !Ref Data, SubnetId: !Ref SubnetA, SecurityGroups: [!GetAtt Group.GroupId] } }
${withSecondMountTarget ? "  TargetB: { Type: AWS::EFS::MountTarget, Properties: { FileSystemId: !Ref Data, SubnetId: !Ref SubnetB, SecurityGroups: [!GetAtt Group.GroupId] } }" : ""}
  Ap:
    Type: AWS::EFS::AccessPoint
    Properties:
      FileSystemId: !Ref Data
      PosixUser: { Uid: "1000", Gid: "1000" }
      RootDirectory: { Path: /app, CreationInfo: { OwnerUid: "1000", OwnerGid: "1000", Permissions: "750" } }
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }]
  InVpc:
    Type: AWS::Lambda::Function
    DependsOn: [TargetA${withSecondMountTarget ? ", TargetB" : ""}]
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Role: !GetAtt Role.Arn
      Code: { S3Bucket: code, S3Key: fn.zip }
      VpcConfig: { SubnetIds: [!Ref SubnetA, !Ref SubnetB], SecurityGroupIds: [!GetAtt Group.GroupId] }
      FileSystemConfigs: [{ Arn: !GetAtt Ap.Arn, LocalMountPath: /mnt/app }]
  NoVpc:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Role: !GetAtt Role.Arn
      Code: { S3Bucket: code, S3Key: fn.zip }
      FileSystemConfigs: [{ Arn: !GetAtt Ap.Arn, LocalMountPath: /mnt/app }]
`;

function check(text: string) {
  const { document } = parseCloudFormation(text, "t.yaml");
  if (document === undefined) throw new Error("unreadable");
  return emulationProbe(document).findings;
}

describe("Lambda's EFS refusals at deployment", () => {
  it("names the subnet whose zone has no mount target, and the function without a VPC", () => {
    const findings = check(template(false));
    const noTarget = findings.find((f) => f.ruleId === "lambda-efs-no-mount-target");
    expect(noTarget?.logicalId).toBe("InVpc");
    expect(noTarget?.title).toBe(
      "function InVpc can run in us-east-1b, where Data has no mount target",
    );
    expect(findings.find((f) => f.ruleId === "lambda-efs-no-vpc")?.logicalId).toBe("NoVpc");
  });

  it("drops the mount target finding once the second zone has one", () => {
    const rules = check(template(true)).map((f) => `${f.logicalId} ${f.ruleId}`);
    expect(rules).not.toContain("InVpc lambda-efs-no-mount-target");
    expect(rules).toContain("NoVpc lambda-efs-no-vpc");
  });
});
