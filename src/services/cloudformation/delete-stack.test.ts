import { describe, expect, it } from "vitest";
import { EC2_RECORD, type SecurityGroup } from "../ec2/model.js";
import { RECORD as EFS_RECORD } from "../efs/context.js";
import { RECORD as IAM_RECORD } from "../iam/context.js";
import { findRole } from "../iam/roles.js";
import { findSecret } from "../secretsmanager/lookup.js";
import { createStack } from "./create-stack.js";
import { deleteStack } from "./delete-stack.js";
import { stackEvents } from "./events.js";
import { findStack } from "./stacks.js";
import { allowing, cfnTestContext, ROOT, res, str, tpl, trust } from "./template.test-support.js";

const network = () =>
  tpl(
    res("Vpc", "AWS::EC2::VPC", () => ({ CidrBlock: "10.0.0.0/16" })),
    res(
      "Subnet",
      "AWS::EC2::Subnet",
      (l) => ({ VpcId: str(l("Vpc")), CidrBlock: "10.0.1.0/24", AvailabilityZone: "us-east-1a" }),
      ["Vpc"],
    ),
    res("Office", "AWS::EC2::PrefixList", () => ({
      PrefixListName: "office",
      AddressFamily: "IPv4",
      MaxEntries: 2,
      Entries: [{ Cidr: "203.0.113.0/24" }],
    })),
    res(
      "FnSg",
      "AWS::EC2::SecurityGroup",
      (l) => ({
        GroupDescription: "function",
        VpcId: str(l("Vpc")),
        SecurityGroupEgress: [
          { IpProtocol: "tcp", FromPort: 2049, ToPort: 2049, CidrIp: "10.0.0.0/16" },
        ],
      }),
      ["Vpc"],
    ),
    res(
      "FsSg",
      "AWS::EC2::SecurityGroup",
      (l) => ({ GroupDescription: "efs", VpcId: str(l("Vpc")) }),
      ["Vpc"],
    ),
    res(
      "NfsIn",
      "AWS::EC2::SecurityGroupIngress",
      (l) => ({
        GroupId: str(l("FsSg", "GroupId")),
        IpProtocol: "tcp",
        FromPort: 2049,
        ToPort: 2049,
        SourceSecurityGroupId: str(l("FnSg")),
      }),
      ["FsSg", "FnSg"],
    ),
    res(
      "OfficeIn",
      "AWS::EC2::SecurityGroupIngress",
      (l) => ({
        GroupId: str(l("FsSg")),
        IpProtocol: "tcp",
        FromPort: 22,
        ToPort: 22,
        SourcePrefixListId: str(l("Office")),
      }),
      ["FsSg", "Office"],
    ),
    res(
      "Endpoint",
      "AWS::EC2::VPCEndpoint",
      (l) => ({
        VpcId: str(l("Vpc")),
        ServiceName: "com.amazonaws.us-east-1.secretsmanager",
        VpcEndpointType: "Interface",
        SubnetIds: [str(l("Subnet"))],
        SecurityGroupIds: [str(l("FsSg"))],
        PrivateDnsEnabled: true,
      }),
      ["Vpc", "Subnet", "FsSg"],
    ),
    res("Fs", "AWS::EFS::FileSystem", () => ({
      FileSystemPolicy: {
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { AWS: "*" },
            Action: "elasticfilesystem:ClientMount",
            Resource: "*",
          },
        ],
      },
    })),
    res(
      "Mt",
      "AWS::EFS::MountTarget",
      (l) => ({
        FileSystemId: str(l("Fs")),
        SubnetId: str(l("Subnet")),
        SecurityGroups: [str(l("FsSg"))],
      }),
      ["Fs", "Subnet", "FsSg"],
    ),
    res("Role", "AWS::IAM::Role", () => ({
      RoleName: "app",
      AssumeRolePolicyDocument: trust("lambda.amazonaws.com"),
    })),
    res(
      "Managed",
      "AWS::IAM::ManagedPolicy",
      (l) => ({ PolicyDocument: allowing(["s3:GetObject"]), Roles: [str(l("Role"))] }),
      ["Role"],
    ),
    res(
      "Inline",
      "AWS::IAM::Policy",
      (l) => ({
        PolicyName: "read",
        PolicyDocument: allowing(["secretsmanager:GetSecretValue"]),
        Roles: [str(l("Role"))],
      }),
      ["Role"],
    ),
    res("Secret", "AWS::SecretsManager::Secret", () => ({ Name: "db", GenerateSecretString: {} })),
    res(
      "SecretPolicy",
      "AWS::SecretsManager::ResourcePolicy",
      (l) => ({
        SecretId: str(l("Secret")),
        ResourcePolicy: {
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Deny",
              Principal: "*",
              Action: "secretsmanager:GetSecretValue",
              Resource: "*",
              Condition: { StringNotEquals: { "aws:sourceVpce": str(l("Endpoint")) } },
            },
          ],
        },
      }),
      ["Secret", "Endpoint"],
    ),
  );

describe("every modelled type", () => {
  it("is created with its properties and deleted again by DeleteStack", () => {
    const ctx = cfnTestContext();
    const stack = createStack(ctx, { stackName: "net", template: network(), caller: ROOT });
    expect(stack.status).toBe("CREATE_COMPLETE");
    const id = (l: string) => stack.resources.find((r) => r.logicalId === l)?.physicalId ?? "";
    const fnSg = ctx.store.records.get<SecurityGroup>(EC2_RECORD.securityGroup, id("FnSg"));
    expect(fnSg?.egress.map((r) => `${r.ipProtocol}:${r.fromPort}`)).toEqual(["tcp:2049"]);
    const fsSg = ctx.store.records.get<SecurityGroup>(EC2_RECORD.securityGroup, id("FsSg"));
    expect(fsSg?.ingress.map((r) => r.peer)).toEqual([
      { kind: "security-group", groupId: id("FnSg") },
      { kind: "prefix-list", prefixListId: id("Office") },
    ]);
    const role = findRole(ctx, "app");
    expect(role?.attachedPolicyArns).toEqual([id("Managed")]);
    expect(Object.keys(role?.inlinePolicies ?? {})).toEqual(["read"]);
    expect(findSecret(ctx, "db")?.policy).toContain(id("Endpoint"));

    const deleted = deleteStack(ctx, "net", ROOT);
    expect(deleted?.status).toBe("DELETE_COMPLETE");
    expect(findStack(ctx, "net")).toBeUndefined();
    expect(findStack(ctx, stack.stackId)?.status).toBe("DELETE_COMPLETE");
    expect(stackEvents(ctx, stack.stackId).at(-1)?.resourceStatus).toBe("DELETE_COMPLETE");
    for (const kind of [
      EC2_RECORD.vpc,
      EC2_RECORD.subnet,
      EC2_RECORD.securityGroup,
      EC2_RECORD.prefixList,
      EC2_RECORD.vpcEndpoint,
      EFS_RECORD.fileSystem,
      EFS_RECORD.mountTarget,
      IAM_RECORD.role,
      IAM_RECORD.policy,
    ])
      expect(ctx.store.records.list(kind), kind).toEqual([]);
    expect(findSecret(ctx, "db")).toBeUndefined();
  });

  it("lets a deleted stack's name be used again, and deleting nothing succeeds", () => {
    const ctx = cfnTestContext();
    createStack(ctx, { stackName: "net", template: network(), caller: ROOT });
    deleteStack(ctx, "net", ROOT);
    expect(createStack(ctx, { stackName: "net", template: network(), caller: ROOT }).status).toBe(
      "CREATE_COMPLETE",
    );
    expect(deleteStack(ctx, "never", ROOT)).toBeUndefined();
  });
});
