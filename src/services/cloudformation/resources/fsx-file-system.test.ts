import { describe, expect, it } from "vitest";
import { symbolic } from "../../../templates/cfn/symbolic.js";
import type { ResolvedValue } from "../../../templates/model.js";
import type { ServiceContext } from "../../context.js";
import { findFileSystem } from "../../fsx/lookup.js";
import { FSX_RECORD } from "../../fsx/model.js";
import type { SmbServerSpec, SmbServers } from "../../fsx/smb-port.js";
import { putRolePolicy } from "../../iam/role-policies.js";
import { createRole } from "../../iam/roles.js";
import { createStack } from "../create-stack.js";
import { deleteStack } from "../delete-stack.js";
import { allowing, cfnTestContext, ROOT, res, str, tpl, trust } from "../template.test-support.js";

type Props = { readonly [key: string]: ResolvedValue };

const network = [
  res("Vpc", "AWS::EC2::VPC", () => ({ CidrBlock: "10.0.0.0/16" })),
  res(
    "Subnet",
    "AWS::EC2::Subnet",
    (l) => ({ VpcId: str(l("Vpc")), CidrBlock: "10.0.1.0/24", AvailabilityZone: "us-east-1a" }),
    ["Vpc"],
  ),
  res(
    "Group",
    "AWS::EC2::SecurityGroup",
    (l) => ({ GroupDescription: "fsx", VpcId: str(l("Vpc")) }),
    ["Vpc"],
  ),
];

const fileServer = (extra: Props = {}, ad: Props = {}) =>
  res(
    "FileServer",
    "AWS::FSx::FileSystem",
    (l) => ({
      FileSystemType: "WINDOWS",
      StorageCapacity: "32",
      SubnetIds: [str(l("Subnet"))],
      SecurityGroupIds: [str(l("Group", "GroupId"))],
      WindowsConfiguration: {
        ThroughputCapacity: 8,
        DeploymentType: "SINGLE_AZ_2",
        SelfManagedActiveDirectoryConfiguration: {
          DomainName: "corp.example.com",
          UserName: "FsxAdmin",
          Password: "Corr3ct-Horse!battery",
          DnsIps: ["10.0.0.10"],
          FileSystemAdministratorsGroup: "FSx Admins",
          ...ad,
        },
      },
      Tags: [{ Key: "accesslab:smb-encryption", Value: "required" }],
      ...extra,
    }),
    ["Subnet", "Group"],
  );

/** A reader of the file server's attributes, as a dependent resource's properties. */
const reader = res(
  "Reader",
  "AWS::SecretsManager::Secret",
  (l) => ({
    Name: "smb/file-share",
    SecretString: JSON.stringify({
      id: l("FileServer"),
      host: l("FileServer", "DNSName"),
      arn: l("FileServer", "ResourceARN"),
    }),
  }),
  ["FileServer"],
);

/** SMB servers that record what they are asked, in order. */
function recordingServers(): SmbServers & { calls: string[]; passwords: (string | undefined)[] } {
  const calls: string[] = [];
  const passwords: (string | undefined)[] = [];
  return {
    calls,
    passwords,
    async start(spec: SmbServerSpec, password?: string) {
      calls.push(`start ${spec.fileSystemId} ${spec.userName} ${spec.encryption}`);
      passwords.push(password);
      await new Promise((r) => setTimeout(r, 20));
      calls.push(`started ${spec.fileSystemId}`);
    },
    async setEncryption() {},
    async remove(id: string) {
      calls.push(`remove ${id}`);
    },
    address: () => ({ ok: false, problem: "recording only" }),
    async close() {},
  };
}

const settle = () => new Promise((r) => setTimeout(r, 60));

function onlyFileSystem(ctx: ServiceContext) {
  const all = ctx.store.records.list<{ fileSystemId: string }>(FSX_RECORD);
  expect(all).toHaveLength(1);
  return findFileSystem(ctx, all[0]?.fileSystemId ?? "");
}

describe("AWS::FSx::FileSystem", () => {
  it("creates a Windows file system whose Ref and GetAtt are its id, DNS name and ARN", () => {
    const ctx = cfnTestContext();
    const stack = createStack(ctx, {
      stackName: "smb",
      template: tpl(...network, fileServer(), reader),
      caller: ROOT,
    });
    expect(stack.status).toBe("CREATE_COMPLETE");
    const fs = onlyFileSystem(ctx);
    expect(fs?.storageCapacity).toBe(32);
    expect(fs?.windows.selfManagedAd.userName).toBe("FsxAdmin");
    expect(fs?.windows.selfManagedAd.fileSystemAdministratorsGroup).toBe("FSx Admins");
    expect(fs?.smbEncryption).toBe("required");
    expect(JSON.stringify(fs)).not.toContain("Corr3ct-Horse");
    const made = stack.resources.find((r) => r.logicalId === "FileServer");
    expect(made?.physicalId).toBe(fs?.fileSystemId);
    expect(made?.attributes).toEqual({ DNSName: fs?.dnsName, ResourceARN: fs?.resourceArn });
    expect(fs?.dnsName).toMatch(/\.corp\.example\.com$/);
    expect(fs?.resourceArn).toBe(
      `arn:aws:fsx:us-east-1:000000000000:file-system/${fs?.fileSystemId}`,
    );
  });

  it("refuses other file system types with FSx's reason", () => {
    const ctx = cfnTestContext();
    const stack = createStack(ctx, {
      stackName: "smb",
      template: tpl(...network, fileServer({ FileSystemType: "LUSTRE" })),
      caller: ROOT,
    });
    expect(stack.status).toBe("ROLLBACK_COMPLETE");
    const failed = stack.resources.find((r) => r.logicalId === "FileServer");
    expect(failed?.statusReason).toContain("FileSystemType `LUSTRE` is not emulated");
    expect(failed?.statusReason).toContain("Error Code: BadRequest");
    expect(ctx.store.records.count(FSX_RECORD)).toBe(0);
  });

  it("refuses an unknown subnet as FSx does", () => {
    const ctx = cfnTestContext();
    const bad = res("FileServer", "AWS::FSx::FileSystem", () => ({
      FileSystemType: "WINDOWS",
      StorageCapacity: 32,
      SubnetIds: ["subnet-0123456789abcdef0"],
      WindowsConfiguration: {
        ThroughputCapacity: 8,
        SelfManagedActiveDirectoryConfiguration: {
          DomainName: "corp.example.com",
          UserName: "FsxAdmin",
          Password: "pw",
          DnsIps: ["10.0.0.10"],
        },
      },
    }));
    const stack = createStack(ctx, { stackName: "smb", template: tpl(bad), caller: ROOT });
    expect(stack.resources[0]?.statusReason).toContain(
      "The subnet ID 'subnet-0123456789abcdef0' does not exist",
    );
  });

  it("asks fsx:CreateFileSystem of the deploying role", () => {
    const ctx = cfnTestContext();
    const made = createRole(ctx, {
      roleName: "deploy",
      assumeRolePolicyDocument: JSON.stringify(trust("cloudformation.amazonaws.com")),
    });
    putRolePolicy(ctx, "deploy", "p", JSON.stringify(allowing(["ec2:*"])));
    const stack = createStack(ctx, {
      stackName: "smb",
      template: tpl(...network, fileServer()),
      caller: ROOT,
      roleArn: made.arn,
    });
    const failed = stack.resources.find((r) => r.logicalId === "FileServer");
    expect(failed?.statusReason).toContain("fsx:CreateFileSystem");
    expect(ctx.store.records.count(FSX_RECORD)).toBe(0);
  });

  it("without SMB servers, stands in for a password only the real account knows", () => {
    const ctx = cfnTestContext();
    const hidden = symbolic(
      "dynamic reference `{{resolve:secretsmanager:corp/fsx:SecretString:pw}}`",
    );
    const stack = createStack(ctx, {
      stackName: "smb",
      template: tpl(...network, fileServer({}, { Password: hidden as unknown as string })),
      caller: ROOT,
    });
    expect(stack.status).toBe("CREATE_COMPLETE");
  });

  it("with SMB servers, refuses a password it cannot know", () => {
    const ctx = { ...cfnTestContext(), smbServers: recordingServers() };
    const hidden = symbolic(
      "dynamic reference `{{resolve:secretsmanager:corp/fsx:SecretString:pw}}`",
    );
    const stack = createStack(ctx, {
      stackName: "smb",
      template: tpl(...network, fileServer({}, { Password: hidden as unknown as string })),
      caller: ROOT,
    });
    const failed = stack.resources.find((r) => r.logicalId === "FileServer");
    expect(failed?.statusReason).toContain("property `Password` of `FileServer`");
    expect(ctx.smbServers.calls).toEqual([]);
  });

  it("starts the SMB server with the directory user and password, and removes it on DeleteStack after its start", async () => {
    const servers = recordingServers();
    const ctx = { ...cfnTestContext(), smbServers: servers };
    createStack(ctx, { stackName: "smb", template: tpl(...network, fileServer()), caller: ROOT });
    const id = onlyFileSystem(ctx)?.fileSystemId;
    deleteStack(ctx, "smb", ROOT);
    expect(ctx.store.records.count(FSX_RECORD)).toBe(0);
    await settle();
    expect(servers.calls).toEqual([
      `start ${id} FsxAdmin required`,
      `started ${id}`,
      `remove ${id}`,
    ]);
    expect(servers.passwords).toEqual(["Corr3ct-Horse!battery"]);
  });

  it("is deleted when a later resource fails and the stack rolls back", async () => {
    const servers = recordingServers();
    const ctx = { ...cfnTestContext(), smbServers: servers };
    const failing = res("Broken", "AWS::EC2::Subnet", () => ({ CidrBlock: "10.9.0.0/24" }), [
      "FileServer",
    ]);
    const stack = createStack(ctx, {
      stackName: "smb",
      template: tpl(...network, fileServer(), failing),
      caller: ROOT,
    });
    expect(stack.status).toBe("ROLLBACK_COMPLETE");
    expect(ctx.store.records.count(FSX_RECORD)).toBe(0);
    await settle();
    expect(servers.calls.at(-1)).toMatch(/^remove fs-/);
  });
});
