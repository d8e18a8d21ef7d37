/**
 * A Secrets Manager dynamic reference resolved at deployment under `serve`:
 * the real `@aws-sdk/client-cloudformation` creates a stack whose secret
 * holds the directory user and password and whose Windows file system
 * takes both through `!Sub '{{resolve:secretsmanager:${AdSecret}::…}}'`
 * (the secret made earlier in the same stack). The real
 * `@aws-sdk/client-fsx` shows the file system with the user the secret
 * holds, the real `smbclient` lists its share with the secret's password
 * (where Samba is installed), and neither the stack's events, its stored
 * template nor the server's log shows the password.
 */
import {
  CloudFormationClient,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
} from "@aws-sdk/client-cloudformation";
import { DescribeFileSystemsCommand, FSxClient } from "@aws-sdk/client-fsx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findStack } from "../../src/services/cloudformation/stacks.js";
import { listShareWhenReady, sambaMissing } from "../runtime/fsx-setup.js";
import { startTestServer, type TestServer } from "./harness.js";

const missing = sambaMissing();
if (missing) process.stdout.write(`fsx-dynamic-reference: smbclient checks skipped: ${missing}\n`);

const PASSWORD = "Dyn4mic-Reference!pw";

const TEMPLATE = `
Parameters:
  AdPassword:
    Type: String
    NoEcho: true
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  Subnet:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1a }
  FileServerGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: file server
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 445, ToPort: 445, CidrIp: 10.0.0.0/16 }
  AdSecret:
    Type: AWS::SecretsManager::Secret
    Properties:
      SecretString: !Sub '{"username":"SecretAdmin","password":"\${AdPassword}"}'
  FileServer:
    Type: AWS::FSx::FileSystem
    Properties:
      FileSystemType: WINDOWS
      StorageType: SSD
      StorageCapacity: 32
      SubnetIds: [!Ref Subnet]
      SecurityGroupIds: [!GetAtt FileServerGroup.GroupId]
      WindowsConfiguration:
        DeploymentType: SINGLE_AZ_2
        ThroughputCapacity: 32
        SelfManagedActiveDirectoryConfiguration:
          DomainName: corp.example.com
          DnsIps: [10.0.0.10]
          UserName: !Sub '{{resolve:secretsmanager:\${AdSecret}::username}}'
          Password: !Sub '{{resolve:secretsmanager:\${AdSecret}:SecretString:password}}'
`;

let server: TestServer;
let cfn: CloudFormationClient;
let fsx: FSxClient;

beforeAll(async () => {
  server = await startTestServer();
  cfn = new CloudFormationClient(server.config());
  fsx = new FSxClient(server.config());
});
afterAll(() => server.close());

describe("serve: a Secrets Manager dynamic reference resolved at deployment", () => {
  it("creates the file system with the user and password of a secret made in the same stack", async () => {
    await cfn.send(
      new CreateStackCommand({
        StackName: "smb-secret",
        TemplateBody: TEMPLATE,
        Parameters: [{ ParameterKey: "AdPassword", ParameterValue: PASSWORD }],
      }),
    );
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: "smb-secret" }));
    const { StackEvents } = await cfn.send(
      new DescribeStackEventsCommand({ StackName: "smb-secret" }),
    );
    const reasons = (StackEvents ?? []).map((e) => e.ResourceStatusReason ?? "");
    expect(Stacks?.[0]?.StackStatus, reasons.join("\n")).toBe("CREATE_COMPLETE");
    const { StackResources } = await cfn.send(
      new DescribeStackResourcesCommand({ StackName: "smb-secret" }),
    );
    const fileSystemId =
      StackResources?.find((r) => r.LogicalResourceId === "FileServer")?.PhysicalResourceId ?? "";
    const { FileSystems } = await fsx.send(
      new DescribeFileSystemsCommand({ FileSystemIds: [fileSystemId] }),
    );
    expect(FileSystems?.[0]?.Lifecycle).toBe("AVAILABLE");
    expect(FileSystems?.[0]?.WindowsConfiguration?.SelfManagedActiveDirectoryConfiguration).toEqual(
      expect.objectContaining({ UserName: "SecretAdmin" }),
    );

    expect(JSON.stringify(StackEvents)).not.toContain(PASSWORD);
    expect(JSON.stringify(StackEvents)).not.toContain("SecretAdmin");
    const stored = findStack(server.services, "smb-secret");
    expect(stored?.templateBody).toContain("{{resolve:secretsmanager:${AdSecret}::username}}");
    const kept = stored?.resources.find((r) => r.logicalId === "FileServer")?.properties ?? "";
    expect(kept).toContain(":SecretString:password}}");
    expect(kept).not.toContain(PASSWORD);
    expect(kept).not.toContain("SecretAdmin");
    expect(server.logged.join("\n")).not.toContain(PASSWORD);

    if (!missing) {
      const listed = await listShareWhenReady(server, fileSystemId, "SecretAdmin", PASSWORD);
      expect(listed.output).not.toContain("NT_STATUS");
      expect(listed.code).toBe(0);
    }

    await cfn.send(new DeleteStackCommand({ StackName: "smb-secret" }));
    const deadline = Date.now() + 10_000;
    while (server.smb.instance(fileSystemId) !== undefined && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(server.smb.instance(fileSystemId)).toBeUndefined();
  });
});
