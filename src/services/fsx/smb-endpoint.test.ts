import { beforeEach, describe, expect, it } from "vitest";
import { openStore } from "../../store/open.js";
import type { ServiceContext } from "../context.js";
import { EC2_RECORD, type SecurityGroup } from "../ec2/model.js";
import { createPrefixList } from "../ec2/prefix-lists.js";
import type { IpPermissionInput } from "../ec2/rule-input.js";
import { authorizeRules } from "../ec2/security-group-rules.js";
import { createSecurityGroup } from "../ec2/security-groups.js";
import { createSubnet } from "../ec2/subnets.js";
import { createVpc } from "../ec2/vpcs.js";
import { createFileSystem, newFileSystemIdentity } from "./create-file-system.js";
import { readCreateRequest } from "./create-input.js";
import { smbEndpointFor } from "./smb-endpoint.js";
import type { SmbServerSpec, SmbServers } from "./smb-port.js";

let counter = 0;
let ctx: ServiceContext;
let started: { spec: SmbServerSpec; password: string | undefined }[];
let vpcId: string;
let subnetId: string;

const fakeServers = (): SmbServers => ({
  start: async (spec, password) => {
    started.push({ spec, password });
  },
  setEncryption: async () => {},
  remove: async () => {},
  address: (id) => ({ ok: true, host: "127.0.0.1", port: 40000 + id.length }),
  close: async () => {},
});

beforeEach(() => {
  started = [];
  ctx = {
    store: openStore({ kind: "memory" }),
    clock: () => 1_700_000_000_000,
    random: (n) => Uint8Array.from({ length: n }, () => counter++ % 256),
    account: "000000000000",
    region: "us-east-1",
    smbServers: fakeServers(),
  };
  vpcId = createVpc(ctx, { cidrBlock: "10.0.0.0/16", tags: [] }).vpcId;
  subnetId = createSubnet(ctx, { vpcId, cidrBlock: "10.0.1.0/24", tags: [] }).subnetId;
});

const group = (name: string) =>
  createSecurityGroup(ctx, { groupName: name, description: name, vpcId, tags: [] }).groupId;

const smbRule = (peer: Partial<IpPermissionInput>): IpPermissionInput => ({
  ipProtocol: "tcp",
  fromPort: 445,
  toPort: 445,
  ipRanges: [],
  groups: [],
  prefixListIds: [],
  ...peer,
});

function withoutEgress(groupId: string): void {
  const stored = ctx.store.records.get<SecurityGroup>(EC2_RECORD.securityGroup, groupId);
  if (!stored) throw new Error("group not stored");
  ctx.store.records.put(EC2_RECORD.securityGroup, groupId, { ...stored, egress: [] });
}

async function fileSystem(serverGroup: string) {
  const request = readCreateRequest({
    FileSystemType: "WINDOWS",
    StorageCapacity: 32,
    SubnetIds: [subnetId],
    SecurityGroupIds: [serverGroup],
    WindowsConfiguration: {
      ThroughputCapacity: 8,
      SelfManagedActiveDirectoryConfiguration: {
        DomainName: "Corp.Example.com",
        UserName: "Admin",
        Password: "s3cret-pass",
        DnsIps: ["10.0.0.10"],
      },
    },
  });
  const out = (await createFileSystem(ctx, request, newFileSystemIdentity(ctx))) as {
    FileSystem: {
      FileSystemId: string;
      DNSName: string;
      WindowsConfiguration: { PreferredFileServerIp: string };
    };
  };
  return out.FileSystem;
}

describe("createFileSystem and the SMB port", () => {
  it("starts the file system's server with its user and password, encryption off by default", async () => {
    const fs = await fileSystem(group("fsx"));
    expect(started).toEqual([
      {
        spec: { fileSystemId: fs.FileSystemId, userName: "Admin", encryption: "off" },
        password: "s3cret-pass",
      },
    ]);
    expect(fs.DNSName).toMatch(/^amznfsx[a-z0-9]{8}\.corp\.example\.com$/);
    expect(fs.WindowsConfiguration.PreferredFileServerIp).toBe("10.0.1.4");
  });
});

describe("smbEndpointFor", () => {
  it("maps the server's address on 445 to its local server when both sides allow it", async () => {
    const server = group("fsx");
    const workload = group("lambda");
    authorizeRules(ctx, server, "ingress", [smbRule({ groups: [{ groupId: workload }] })]);
    const fs = await fileSystem(server);
    const ip = fs.WindowsConfiguration.PreferredFileServerIp;
    const answer = smbEndpointFor(ctx, { from: { securityGroupIds: [workload] }, host: ip });
    expect(answer).toMatchObject({
      ok: true,
      fileSystemId: fs.FileSystemId,
      host: "127.0.0.1",
      port: 40000 + fs.FileSystemId.length,
    });
    expect(
      smbEndpointFor(ctx, { from: { securityGroupIds: [workload] }, host: fs.FileSystemId }).ok,
    ).toBe(true);
  });

  it("refuses without 445 egress, and allows it through a prefix list holding the server's CIDR", async () => {
    const server = group("fsx");
    const workload = group("lambda");
    authorizeRules(ctx, server, "ingress", [smbRule({ groups: [{ groupId: workload }] })]);
    withoutEgress(workload);
    const fs = await fileSystem(server);
    const dial = { from: { securityGroupIds: [workload] }, host: fs.DNSName };
    const refused = smbEndpointFor(ctx, dial);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.message).toMatch(/^connection refused by the network: 10\.0\.1\.4:445/);
      expect(refused.message).toContain("no egress rule");
      expect(refused.message).toMatch(/on AWS this times out$/);
    }
    const list = createPrefixList(ctx, {
      prefixListName: "file-servers",
      maxEntries: 5,
      addressFamily: "IPv4",
      entries: [{ cidr: "10.0.1.0/24" }],
      tags: [],
    });
    authorizeRules(ctx, workload, "egress", [
      smbRule({ prefixListIds: [{ prefixListId: list.prefixListId }] }),
    ]);
    expect(smbEndpointFor(ctx, dial).ok).toBe(true);
  });

  it("refuses a host no file system answers at, another port, and a context without servers", async () => {
    const server = group("fsx");
    authorizeRules(ctx, server, "ingress", [smbRule({ ipRanges: [{ cidrIp: "10.0.0.0/16" }] })]);
    const fs = await fileSystem(server);
    const from = { securityGroupIds: [group("w")], ip: "10.0.1.200" };
    expect(smbEndpointFor(ctx, { from, host: "10.0.1.99" })).toMatchObject({
      ok: false,
      message: "no FSx file system answers at `10.0.1.99`",
    });
    expect(smbEndpointFor(ctx, { from, host: fs.DNSName, port: 139 }).ok).toBe(false);
    const { smbServers: _servers, ...bare } = ctx;
    const none = smbEndpointFor(bare, { from, host: fs.DNSName });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.message).toContain("has no SMB server");
  });
});
