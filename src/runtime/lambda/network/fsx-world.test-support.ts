/**
 * Test support for the VPC connection routes: a world deployed from a
 * CloudFormation template into an in-memory context whose SMB servers are
 * fakes answering one local port: a VPC with a Windows file system whose
 * group admits SMB from the functions' groups (or from one CIDR), a
 * second VPC with a file system of its own, and three functions: `open`
 * (a group with the default allow-all egress), `closed` (a group whose
 * only egress is HTTPS) and `outside` (no VPC).
 */
import { expect } from "vitest";
import { createStack } from "../../../services/cloudformation/create-stack.js";
import { cfnTestContext, ROOT } from "../../../services/cloudformation/template.test-support.js";
import type { ServiceContext } from "../../../services/context.js";
import { findFileSystem } from "../../../services/fsx/lookup.js";
import type { FsxFileSystem } from "../../../services/fsx/model.js";
import type { SmbServers } from "../../../services/fsx/smb-port.js";
import { findFunction } from "../../../services/lambda/functions.js";
import type { LambdaFunction } from "../../../services/lambda/model.js";
import { parseCloudFormation } from "../../../templates/cfn/parse-template.js";
import { resolveTemplate } from "../../../templates/cfn/resolve-template.js";

/** How the world is built. */
export interface FsxWorldOptions {
  /** The port the fake SMB servers answer for every file system. */
  readonly smbPort: number;
  /** The functions' handler source (`index.js`). */
  readonly handler?: string;
  /** Admit SMB on the file server from this CIDR instead of the functions' groups. */
  readonly serverIngressCidr?: string;
}

/** The deployed world. */
export interface FsxWorld {
  readonly ctx: ServiceContext;
  readonly fileSystem: FsxFileSystem;
  readonly otherFileSystem: FsxFileSystem;
  fn(name: "open" | "closed" | "outside"): LambdaFunction;
}

const smbFrom = (peer: string) => `{ IpProtocol: tcp, FromPort: 445, ToPort: 445, ${peer} }`;

const fileServer = (subnet: string, group: string) => `
    Type: AWS::FSx::FileSystem
    Properties:
      FileSystemType: WINDOWS
      StorageCapacity: 32
      SubnetIds: [!Ref ${subnet}]
      SecurityGroupIds: [!Ref ${group}]
      WindowsConfiguration:
        ThroughputCapacity: 8
        DeploymentType: SINGLE_AZ_2
        SelfManagedActiveDirectoryConfiguration:
          DomainName: corp.example.com
          UserName: FsxAdmin
          Password: Corr3ct-Horse!battery
          DnsIps: [10.0.0.10]`;

const lambda = (name: string, handler: string, vpc: string) => `
    Type: AWS::Lambda::Function
    Properties:
      FunctionName: ${name}
      Runtime: nodejs20.x
      Handler: index.handler
      Timeout: 10
      Role: !GetAtt Role.Arn
      Code: { ZipFile: ${JSON.stringify(handler)} }${vpc}`;

function template(options: FsxWorldOptions): string {
  const handler = options.handler ?? "exports.handler = async () => 1;";
  const ingress =
    options.serverIngressCidr === undefined
      ? `[${smbFrom("SourceSecurityGroupId: !Ref OpenGroup")}, ${smbFrom("SourceSecurityGroupId: !Ref ClosedGroup")}]`
      : `[${smbFrom(`CidrIp: ${options.serverIngressCidr}`)}]`;
  const inVpc = (group: string) =>
    `\n      VpcConfig: { SubnetIds: [!Ref Subnet], SecurityGroupIds: [!Ref ${group}] }`;
  return `
Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  Subnet:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1a }
  OpenGroup:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: open, VpcId: !Ref Vpc }
  ClosedGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: closed
      VpcId: !Ref Vpc
      SecurityGroupEgress: [{ IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 10.0.0.0/16 }]
  ServerGroup:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: smb, VpcId: !Ref Vpc, SecurityGroupIngress: ${ingress} }
  FileServer:${fileServer("Subnet", "ServerGroup")}
  OtherVpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.1.0.0/16 } }
  OtherSubnet:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref OtherVpc, CidrBlock: 10.1.1.0/24, AvailabilityZone: us-east-1a }
  OtherGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: other
      VpcId: !Ref OtherVpc
      SecurityGroupIngress: [${smbFrom("CidrIp: 0.0.0.0/0")}]
  OtherFileServer:${fileServer("OtherSubnet", "OtherGroup")}
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }]
  Open:${lambda("open", handler, inVpc("OpenGroup"))}
  Closed:${lambda("closed", handler, inVpc("ClosedGroup"))}
  Outside:${lambda("outside", handler, "")}
`;
}

/** SMB servers that all answer 127.0.0.1 on `port`. */
function fakeServers(port: number): SmbServers {
  return {
    start: async () => {},
    setEncryption: async () => {},
    remove: async () => {},
    address: () => ({ ok: true, host: "127.0.0.1", port }),
    close: async () => {},
  };
}

/**
 * Deploys the world.
 *
 * @example
 * const world = fsxWorld({ smbPort: 40123 });
 * vpcRouteTable(world.ctx, world.fn("open"));
 */
export function fsxWorld(options: FsxWorldOptions): FsxWorld {
  const ctx: ServiceContext = { ...cfnTestContext(), smbServers: fakeServers(options.smbPort) };
  const { document } = parseCloudFormation(template(options), "fsx-world.yaml");
  if (document === undefined) throw new Error("unreadable template");
  const stack = createStack(ctx, {
    stackName: "fsx-world",
    template: resolveTemplate(document),
    caller: ROOT,
  });
  expect(stack.status, stack.statusReason).toBe("CREATE_COMPLETE");
  const physical = (logicalId: string) =>
    stack.resources.find((r) => r.logicalId === logicalId)?.physicalId ?? "";
  const fileSystem = (logicalId: string) => {
    const found = findFileSystem(ctx, physical(logicalId));
    if (found === undefined) throw new Error(`no file system ${logicalId}`);
    return found;
  };
  return {
    ctx,
    fileSystem: fileSystem("FileServer"),
    otherFileSystem: fileSystem("OtherFileServer"),
    fn(name) {
      const found = findFunction(ctx, name);
      if (found === undefined) throw new Error(`no function ${name}`);
      return found;
    },
  };
}
