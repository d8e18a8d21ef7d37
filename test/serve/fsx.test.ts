/**
 * FSx for Windows File Server through the server with the real
 * `@aws-sdk/client-fsx`: CreateFileSystem's answer as FSx shapes it (ids,
 * ARN, DNS name in the directory's domain, preferred file server address
 * in the subnet, network interfaces, no password), DescribeFileSystems
 * with its paginator, DeleteFileSystem, tags, FSx's error codes as
 * `FSxServiceException`s, `AccessDeniedException` for a user without
 * permission, and the password kept out of the answers, the log and the
 * audit trail.
 */
import { CreateSubnetCommand, EC2Client } from "@aws-sdk/client-ec2";
import {
  CreateFileSystemCommand,
  type CreateFileSystemCommandInput,
  DeleteFileSystemCommand,
  DescribeFileSystemsCommand,
  FSxClient,
  FSxServiceException,
  ListTagsForResourceCommand,
  paginateDescribeFileSystems,
  TagResourceCommand,
  UntagResourceCommand,
} from "@aws-sdk/client-fsx";
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  PutUserPolicyCommand,
} from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_STREAM } from "../../src/services/audit/event.js";
import {
  AD_PASSWORD,
  AD_USER,
  createWindowsFileSystem,
  type FsxNetwork,
  fsxNetwork,
} from "../runtime/fsx-setup.js";
import { startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
let fsx: FSxClient;
let net: FsxNetwork;

beforeAll(async () => {
  server = await startTestServer();
  fsx = new FSxClient(server.config());
  net = await fsxNetwork(server);
});
afterAll(() => server.close());

async function refusal(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FSxServiceException);
  const failure = error as FSxServiceException;
  expect(failure.name).toBe(code);
  expect(failure.$metadata.httpStatusCode).toBe(400);
  return failure;
}

function request(
  overrides: Partial<CreateFileSystemCommandInput> = {},
): CreateFileSystemCommandInput {
  return {
    FileSystemType: "WINDOWS",
    StorageCapacity: 32,
    SubnetIds: [net.subnetId],
    SecurityGroupIds: [net.serverGroup],
    WindowsConfiguration: {
      ThroughputCapacity: 8,
      SelfManagedActiveDirectoryConfiguration: {
        DomainName: "corp.example.com",
        UserName: AD_USER,
        Password: AD_PASSWORD,
        DnsIps: ["10.0.0.10"],
      },
    },
    ...overrides,
  };
}

describe("serve: FSx CreateFileSystem and DescribeFileSystems", () => {
  it("answers the file system as FSx shapes it, without the password", async () => {
    const { FileSystem } = await fsx.send(
      new CreateFileSystemCommand(request({ Tags: [{ Key: "team", Value: "files" }] })),
    );
    expect(FileSystem?.FileSystemId).toMatch(/^fs-[0-9a-f]{17}$/);
    expect(FileSystem).toMatchObject({
      FileSystemType: "WINDOWS",
      Lifecycle: "AVAILABLE",
      StorageCapacity: 32,
      StorageType: "SSD",
      VpcId: net.vpcId,
      SubnetIds: [net.subnetId],
      OwnerId: "000000000000",
      ResourceARN: `arn:aws:fsx:us-east-1:000000000000:file-system/${FileSystem?.FileSystemId}`,
      Tags: [{ Key: "team", Value: "files" }],
      WindowsConfiguration: {
        DeploymentType: "SINGLE_AZ_1",
        ThroughputCapacity: 8,
        PreferredSubnetId: net.subnetId,
        SelfManagedActiveDirectoryConfiguration: {
          DomainName: "corp.example.com",
          UserName: AD_USER,
          DnsIps: ["10.0.0.10"],
        },
      },
    });
    expect(FileSystem?.CreationTime).toBeInstanceOf(Date);
    expect(FileSystem?.DNSName).toMatch(/^amznfsx[a-z0-9]{8}\.corp\.example\.com$/);
    expect(FileSystem?.WindowsConfiguration?.RemoteAdministrationEndpoint).toBe(
      FileSystem?.DNSName,
    );
    expect(FileSystem?.WindowsConfiguration?.PreferredFileServerIp).toMatch(/^10\.0\.1\.\d+$/);
    expect(FileSystem?.NetworkInterfaceIds).toHaveLength(1);
    expect(FileSystem?.NetworkInterfaceIds?.[0]).toMatch(/^eni-[0-9a-f]{17}$/);
    expect(JSON.stringify(FileSystem)).not.toContain(AD_PASSWORD);
    const { FileSystems } = await fsx.send(
      new DescribeFileSystemsCommand({ FileSystemIds: [FileSystem?.FileSystemId ?? ""] }),
    );
    expect(FileSystems?.[0]?.DNSName).toBe(FileSystem?.DNSName);
    expect(JSON.stringify(FileSystems)).not.toContain(AD_PASSWORD);
  });

  it("gives each file system its own address in the subnet", async () => {
    const a = await createWindowsFileSystem(server, net);
    const b = await createWindowsFileSystem(server, net);
    const ipA = a.WindowsConfiguration?.PreferredFileServerIp;
    const ipB = b.WindowsConfiguration?.PreferredFileServerIp;
    expect(ipA).not.toBe(ipB);
  });

  it("pages DescribeFileSystems, with the SDK's paginator", async () => {
    await createWindowsFileSystem(server, net);
    const all = (await fsx.send(new DescribeFileSystemsCommand({}))).FileSystems ?? [];
    expect(all.length).toBeGreaterThanOrEqual(3);
    const first = await fsx.send(new DescribeFileSystemsCommand({ MaxResults: 2 }));
    expect(first.FileSystems).toHaveLength(2);
    expect(first.NextToken).toBeDefined();
    const seen: string[] = [];
    for await (const page of paginateDescribeFileSystems({ client: fsx, pageSize: 2 }, {})) {
      seen.push(...(page.FileSystems ?? []).map((f) => f.FileSystemId ?? ""));
    }
    expect(seen).toEqual(all.map((f) => f.FileSystemId));
  });

  it("refuses bad requests with FSx's codes", async () => {
    await refusal(
      fsx.send(new DescribeFileSystemsCommand({ FileSystemIds: ["fs-0123456789abcdef0"] })),
      "FileSystemNotFound",
    );
    const subnet = await refusal(
      fsx.send(new CreateFileSystemCommand(request({ SubnetIds: ["subnet-0123456789abcdef0"] }))),
      "InvalidNetworkSettings",
    );
    expect((subnet as unknown as { InvalidSubnetId?: string }).InvalidSubnetId).toBe(
      "subnet-0123456789abcdef0",
    );
    await refusal(
      fsx.send(
        new CreateFileSystemCommand(request({ SecurityGroupIds: ["sg-0123456789abcdef0"] })),
      ),
      "InvalidNetworkSettings",
    );
    const throughput = await refusal(
      fsx.send(
        new CreateFileSystemCommand(
          request({
            WindowsConfiguration: {
              ...request().WindowsConfiguration,
              ThroughputCapacity: 10,
            },
          }),
        ),
      ),
      "BadRequest",
    );
    expect(throughput.message).toContain("ThroughputCapacity 10");
    await refusal(
      fsx.send(new CreateFileSystemCommand(request({ StorageCapacity: 31 }))),
      "BadRequest",
    );
    await refusal(
      fsx.send(new CreateFileSystemCommand(request({ FileSystemType: "LUSTRE" }))),
      "BadRequest",
    );
    await refusal(
      fsx.send(new CreateFileSystemCommand(request({ LustreConfiguration: {} }))),
      "IncompatibleParameterError",
    );
    await refusal(
      fsx.send(new CreateFileSystemCommand(request({ WindowsConfiguration: undefined }))),
      "IncompatibleParameterError",
    );
  });

  it("needs two subnets in two zones for MULTI_AZ_1", async () => {
    const ec2 = new EC2Client(server.config());
    const { Subnet } = await ec2.send(
      new CreateSubnetCommand({
        VpcId: net.vpcId,
        CidrBlock: "10.0.2.0/24",
        AvailabilityZone: "us-east-1b",
      }),
    );
    const windows = {
      ...request().WindowsConfiguration,
      ThroughputCapacity: 8,
      DeploymentType: "MULTI_AZ_1" as const,
      PreferredSubnetId: Subnet?.SubnetId ?? "",
    };
    await refusal(
      fsx.send(new CreateFileSystemCommand(request({ WindowsConfiguration: windows }))),
      "InvalidNetworkSettings",
    );
    const { FileSystem } = await fsx.send(
      new CreateFileSystemCommand(
        request({
          SubnetIds: [net.subnetId, Subnet?.SubnetId ?? ""],
          WindowsConfiguration: windows,
        }),
      ),
    );
    expect(FileSystem?.NetworkInterfaceIds).toHaveLength(2);
    expect(FileSystem?.WindowsConfiguration?.PreferredFileServerIp).toMatch(/^10\.0\.2\./);
    expect(FileSystem?.WindowsConfiguration?.RemoteAdministrationEndpoint).not.toBe(
      FileSystem?.DNSName,
    );
  });
});

describe("serve: FSx tags and DeleteFileSystem", () => {
  it("tags, untags and lists tags by ARN", async () => {
    const fs = await createWindowsFileSystem(server, net);
    const arn = fs.ResourceARN ?? "";
    await fsx.send(
      new TagResourceCommand({
        ResourceARN: arn,
        Tags: [
          { Key: "a", Value: "1" },
          { Key: "b", Value: "2" },
        ],
      }),
    );
    await fsx.send(new TagResourceCommand({ ResourceARN: arn, Tags: [{ Key: "a", Value: "3" }] }));
    await fsx.send(new UntagResourceCommand({ ResourceARN: arn, TagKeys: ["b"] }));
    const { Tags } = await fsx.send(new ListTagsForResourceCommand({ ResourceARN: arn }));
    expect(Tags).toEqual([{ Key: "a", Value: "3" }]);
    const missing = await refusal(
      fsx.send(
        new ListTagsForResourceCommand({
          ResourceARN: "arn:aws:fsx:us-east-1:000000000000:file-system/fs-0123456789abcdef0",
        }),
      ),
      "ResourceNotFound",
    );
    expect(missing.message).toContain("fs-0123456789abcdef0");
  });

  it("deletes a file system", async () => {
    const fs = await createWindowsFileSystem(server, net);
    const id = fs.FileSystemId ?? "";
    const deleted = await fsx.send(new DeleteFileSystemCommand({ FileSystemId: id }));
    expect(deleted).toMatchObject({ FileSystemId: id, Lifecycle: "DELETING" });
    await refusal(
      fsx.send(new DescribeFileSystemsCommand({ FileSystemIds: [id] })),
      "FileSystemNotFound",
    );
    await refusal(
      fsx.send(new DeleteFileSystemCommand({ FileSystemId: id })),
      "FileSystemNotFound",
    );
  });
});

describe("serve: FSx authorization and secrecy", () => {
  it("asks fsx:<Operation> of a user, and answers AccessDeniedException", async () => {
    const iam = server.iam();
    await iam.send(new CreateUserCommand({ UserName: "fsx-reader" }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: "fsx-reader",
        PolicyName: "describe",
        PolicyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Action: "fsx:DescribeFileSystems", Resource: "*" }],
        }),
      }),
    );
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: "fsx-reader" }));
    const reader = new FSxClient(
      server.config({
        accessKeyId: AccessKey?.AccessKeyId ?? "",
        secretAccessKey: AccessKey?.SecretAccessKey ?? "",
      }),
    );
    await reader.send(new DescribeFileSystemsCommand({}));
    const denied = await refusal(
      reader.send(new CreateFileSystemCommand(request())),
      "AccessDeniedException",
    );
    expect(denied.message).toContain("fsx:CreateFileSystem");
    expect(denied.message).not.toContain(AD_PASSWORD);
  });

  it("keeps the password out of the log and the audit trail", async () => {
    await refusal(
      fsx.send(
        new CreateFileSystemCommand(
          request({
            WindowsConfiguration: { ...request().WindowsConfiguration, ThroughputCapacity: 7 },
          }),
        ),
      ),
      "BadRequest",
    );
    await createWindowsFileSystem(server, net);
    server.flushAudit();
    const audit = JSON.stringify(server.services.store.events.read(AUDIT_STREAM));
    expect(audit).toContain("CreateFileSystem");
    expect(audit).not.toContain(AD_PASSWORD);
    expect(server.logged.join("\n")).not.toContain(AD_PASSWORD);
  });
});
