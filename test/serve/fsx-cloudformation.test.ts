/**
 * `AWS::FSx::FileSystem` deployed through the server with the real
 * `@aws-sdk/client-cloudformation`: a stack with a VPC, a subnet, the file
 * server's security group, a secret holding the directory user and
 * password, and a Windows file system; the real `@aws-sdk/client-fsx`
 * describes the file system the stack made (its `Ref` and `DNSName`
 * output agree), the real `smbclient` lists its share with the secret's
 * user and password (where Samba is installed), and DeleteStack removes
 * the file system and stops its server.
 */
import {
  CloudFormationClient,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
} from "@aws-sdk/client-cloudformation";
import { DescribeFileSystemsCommand, FSxClient } from "@aws-sdk/client-fsx";
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listShareWhenReady, sambaMissing, smbclient } from "../runtime/fsx-setup.js";
import { startTestServer, type TestServer } from "./harness.js";

const missing = sambaMissing();
if (missing) process.stdout.write(`fsx-cloudformation: smbclient checks skipped: ${missing}\n`);

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
      Name: corp/fsx-admin
      SecretString: !Sub '{"username":"FsxAdmin","password":"\${AdPassword}"}'
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
          UserName: FsxAdmin
          Password: !Ref AdPassword
      Tags:
        - { Key: Name, Value: file-server }
Outputs:
  FileServerDns:
    Value: !GetAtt FileServer.DNSName
  FileServerArn:
    Value: !GetAtt FileServer.ResourceARN
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

describe("serve: AWS::FSx::FileSystem through CloudFormation", () => {
  it("deploys a Windows file system served by smbd with the secret's credentials, and deletes it", async () => {
    await cfn.send(
      new CreateStackCommand({
        StackName: "smb",
        TemplateBody: TEMPLATE,
        Parameters: [{ ParameterKey: "AdPassword", ParameterValue: "Corr3ct-Horse!battery" }],
      }),
    );
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: "smb" }));
    expect(Stacks?.[0]?.StackStatus).toBe("CREATE_COMPLETE");
    const outputs = Object.fromEntries(
      (Stacks?.[0]?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]),
    );
    const { StackResources } = await cfn.send(
      new DescribeStackResourcesCommand({ StackName: "smb" }),
    );
    const fileSystemId =
      StackResources?.find((r) => r.LogicalResourceId === "FileServer")?.PhysicalResourceId ?? "";
    expect(fileSystemId).toMatch(/^fs-[0-9a-f]{17}$/);

    const { FileSystems } = await fsx.send(
      new DescribeFileSystemsCommand({ FileSystemIds: [fileSystemId] }),
    );
    const fs = FileSystems?.[0];
    expect(fs).toMatchObject({
      FileSystemType: "WINDOWS",
      Lifecycle: "AVAILABLE",
      StorageCapacity: 32,
      DNSName: outputs.FileServerDns,
      ResourceARN: outputs.FileServerArn,
      Tags: [{ Key: "Name", Value: "file-server" }],
    });
    expect(fs?.WindowsConfiguration?.SelfManagedActiveDirectoryConfiguration?.UserName).toBe(
      "FsxAdmin",
    );
    expect(JSON.stringify(fs)).not.toContain("Corr3ct-Horse");

    if (!missing) {
      const secrets = new SecretsManagerClient(server.config());
      const { SecretString } = await secrets.send(
        new GetSecretValueCommand({ SecretId: "corp/fsx-admin" }),
      );
      const { username, password } = JSON.parse(SecretString ?? "{}");
      const listed = await listShareWhenReady(server, fileSystemId, username, password);
      expect(listed.output).not.toContain("NT_STATUS");
      expect(listed.code).toBe(0);
      const address = server.smb.address(fileSystemId);
      const port = address.ok ? address.port : 0;
      const refused = await smbclient({
        port,
        user: username,
        password: `${password}-wrong`,
        maxProtocol: "SMB3",
        protection: "encrypt",
        commands: "ls",
      });
      expect(refused.code).not.toBe(0);
    }

    await cfn.send(new DeleteStackCommand({ StackName: "smb" }));
    const after = await fsx.send(new DescribeFileSystemsCommand({}));
    expect(after.FileSystems?.map((f) => f.FileSystemId)).not.toContain(fileSystemId);
    const deadline = Date.now() + 10_000;
    while (server.smb.instance(fileSystemId) !== undefined && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(server.smb.instance(fileSystemId)).toBeUndefined();
    expect(server.smb.address(fileSystemId).ok).toBe(false);
  });
});
