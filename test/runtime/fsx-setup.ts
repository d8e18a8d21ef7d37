/**
 * Test support for the FSx suites: a VPC with one subnet and the seed's
 * security groups (the file server's, admitting 445 from the workload's;
 * the workload's, with or without 445 out) made through the real EC2
 * client, a Windows file system created through the real FSx client, the
 * accesslab-only encryption switch sent as a signed JSON 1.1 call, and the
 * real `smbclient` run against a local SMB server.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  EC2Client,
} from "@aws-sdk/client-ec2";
import { CreateFileSystemCommand, type FileSystem, FSxClient } from "@aws-sdk/client-fsx";
import { signedPost } from "../../src/cli/signed-fetch.js";
import type { TestServer } from "../serve/harness.js";

/** The directory user and password of the test file systems. */
export const AD_USER = "FsxAdmin";
export const AD_PASSWORD = "Corr3ct-Horse!battery";

/** Anything that gives SDK client settings (a test server, or a served process's endpoint). */
export type Configured = Pick<TestServer, "config">;

/** The network the tests place file systems and workloads in. */
export interface FsxNetwork {
  readonly vpcId: string;
  readonly subnetId: string;
  /** The file server's group: 445 in from `workloadGroup`. */
  readonly serverGroup: string;
  /** The workload's group: admitted by the server's group (and 445 out to the subnet). */
  readonly workloadGroup: string;
  /** A group the server's group does not admit. */
  readonly closedGroup: string;
}

/**
 * Creates the VPC, subnet and groups.
 *
 * @example
 * const net = await fsxNetwork(server);
 */
export async function fsxNetwork(server: Configured): Promise<FsxNetwork> {
  const ec2 = new EC2Client(server.config());
  const { Vpc } = await ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16" }));
  const vpcId = Vpc?.VpcId ?? "";
  const { Subnet } = await ec2.send(
    new CreateSubnetCommand({
      VpcId: vpcId,
      CidrBlock: "10.0.1.0/24",
      AvailabilityZone: "us-east-1a",
    }),
  );
  const group = async (name: string) =>
    (
      await ec2.send(
        new CreateSecurityGroupCommand({ GroupName: name, Description: name, VpcId: vpcId }),
      )
    ).GroupId ?? "";
  const serverGroup = await group("fsx");
  const workloadGroup = await group("workload");
  const closedGroup = await group("closed");
  await ec2.send(
    new AuthorizeSecurityGroupEgressCommand({
      GroupId: workloadGroup,
      IpPermissions: [
        { IpProtocol: "tcp", FromPort: 445, ToPort: 445, IpRanges: [{ CidrIp: "10.0.1.0/24" }] },
      ],
    }),
  );
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: serverGroup,
      IpPermissions: [
        {
          IpProtocol: "tcp",
          FromPort: 445,
          ToPort: 445,
          UserIdGroupPairs: [{ GroupId: workloadGroup }],
        },
      ],
    }),
  );
  return { vpcId, subnetId: Subnet?.SubnetId ?? "", serverGroup, workloadGroup, closedGroup };
}

/**
 * Creates a Windows file system in the network (tags as given).
 *
 * @example
 * const fs = await createWindowsFileSystem(server, net, [{ Key: "accesslab:smb-encryption", Value: "required" }]);
 */
export async function createWindowsFileSystem(
  server: Configured,
  net: FsxNetwork,
  tags: { Key: string; Value: string }[] = [],
): Promise<FileSystem> {
  const fsx = new FSxClient(server.config());
  const { FileSystem } = await fsx.send(
    new CreateFileSystemCommand({
      FileSystemType: "WINDOWS",
      StorageCapacity: 32,
      SubnetIds: [net.subnetId],
      SecurityGroupIds: [net.serverGroup],
      Tags: tags,
      WindowsConfiguration: {
        ThroughputCapacity: 8,
        DeploymentType: "SINGLE_AZ_2",
        SelfManagedActiveDirectoryConfiguration: {
          DomainName: "corp.example.com",
          UserName: AD_USER,
          Password: AD_PASSWORD,
          DnsIps: ["10.0.0.10"],
        },
      },
    }),
  );
  if (FileSystem === undefined) throw new Error("CreateFileSystem answered no FileSystem");
  return FileSystem;
}

/**
 * Calls one FSx operation the SDK does not know (accesslab's own), signed as the bootstrap root.
 *
 * @example
 * await callFsxRaw(server.running.endpoint, "AccesslabSetSmbServerConfiguration", { FileSystemId, EncryptData: true, RejectUnencryptedAccess: true });
 */
export async function callFsxRaw(
  endpoint: string,
  operation: string,
  input: Record<string, unknown>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await signedPost({
    endpoint,
    url: new URL("/", endpoint),
    service: "fsx",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": `AWSSimbaAPIService_v20180301.${operation}`,
    },
    body: JSON.stringify(input),
    hint: "the test server is down",
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Why Samba's programs cannot be used here, or undefined when they can. */
export function sambaMissing(): string | undefined {
  for (const program of ["smbd", "smbclient"]) {
    const found = spawnSync("sh", ["-c", `command -v ${program} || test -x /usr/sbin/${program}`]);
    if (found.status !== 0)
      return `\`${program}\` is not installed (apt-get install samba smbclient)`;
  }
  return undefined;
}

/** One smbclient run. */
export interface SmbclientRun {
  readonly code: number | null;
  readonly output: string;
}

/**
 * Runs `smbclient //127.0.0.1/share -p <port> -U user%password -m <max> --client-protection=<p> -c <commands>`.
 *
 * @example
 * await smbclient({ port, user: AD_USER, password: AD_PASSWORD, maxProtocol: "SMB3", protection: "encrypt", commands: "ls" });
 */
export function smbclient(options: {
  port: number;
  user: string;
  password: string;
  maxProtocol: "SMB2" | "SMB3";
  protection: "encrypt" | "off" | "sign";
  commands: string;
  cwd?: string;
}): Promise<SmbclientRun> {
  return new Promise((resolve) => {
    const child = spawn(
      "smbclient",
      [
        "//127.0.0.1/share",
        "-p",
        String(options.port),
        "-U",
        `${options.user}%${options.password}`,
        "-m",
        options.maxProtocol,
        `--client-protection=${options.protection}`,
        "-c",
        options.commands,
      ],
      { stdio: ["ignore", "pipe", "pipe"], ...(options.cwd ? { cwd: options.cwd } : {}) },
    );
    let output = "";
    child.stdout.on("data", (c: Buffer) => {
      output += c.toString("utf8");
    });
    child.stderr.on("data", (c: Buffer) => {
      output += c.toString("utf8");
    });
    child.on("close", (code) => resolve({ code, output }));
  });
}

/**
 * Lists the share of a file system with an SMB 3 `smbclient` that
 * encrypts, until its `smbd` answers (a server started in the background
 * by a deployment takes a moment to listen) or 15 s pass.
 *
 * @example
 * const run = await listShareWhenReady(server, fileSystemId, AD_USER, AD_PASSWORD);
 */
export async function listShareWhenReady(
  server: Pick<TestServer, "smb">,
  fileSystemId: string,
  user: string,
  password: string,
): Promise<SmbclientRun> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const address = server.smb.address(fileSystemId);
    if (address.ok && address.port > 0) {
      const run = await smbclient({
        port: address.port,
        user,
        password,
        maxProtocol: "SMB3",
        protection: "encrypt",
        commands: "ls",
      });
      if (run.code === 0 || Date.now() > deadline) return run;
    } else if (Date.now() > deadline) {
      throw new Error(address.ok ? "smbd has no port" : address.problem);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
