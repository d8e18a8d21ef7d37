/**
 * EFS through the server with the real `@aws-sdk/client-efs`: file systems
 * (201 on create, CreationToken conflicts, Marker pagination), access
 * points (ClientToken idempotency, NextToken pagination), the file system
 * policy (PolicyNotFound under the default policy, round trip, a malformed
 * policy refused with its position), mount targets over EC2 network records
 * seeded into the store (VPC, Availability Zone and security group rules),
 * tags, and authorization of an IAM user. Errors surface as the SDK's own
 * exception classes.
 */
import {
  AccessPointNotFound,
  CreateAccessPointCommand,
  CreateFileSystemCommand,
  CreateMountTargetCommand,
  DeleteAccessPointCommand,
  DeleteFileSystemCommand,
  DeleteFileSystemPolicyCommand,
  DeleteMountTargetCommand,
  DescribeAccessPointsCommand,
  DescribeFileSystemPolicyCommand,
  DescribeFileSystemsCommand,
  DescribeMountTargetSecurityGroupsCommand,
  DescribeMountTargetsCommand,
  EFSClient,
  EFSServiceException,
  FileSystemAlreadyExists,
  FileSystemInUse,
  FileSystemNotFound,
  InvalidPolicyException,
  ListTagsForResourceCommand,
  ModifyMountTargetSecurityGroupsCommand,
  MountTargetConflict,
  MountTargetNotFound,
  PolicyNotFound,
  PutFileSystemPolicyCommand,
  paginateDescribeAccessPoints,
  paginateDescribeFileSystems,
  SecurityGroupLimitExceeded,
  SecurityGroupNotFound,
  SubnetNotFound,
  TagResourceCommand,
  UntagResourceCommand,
  ValidationException,
} from "@aws-sdk/client-efs";
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  PutUserPolicyCommand,
} from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  EC2_RECORD,
  type SecurityGroup,
  type Subnet,
  type Vpc,
} from "../../src/services/ec2/model.js";
import { openStore } from "../../src/store/open.js";
import { startTestServer, type TestCredentials, type TestServer } from "./harness.js";

let server: TestServer;
let efs: EFSClient;
const ACCOUNT = "000000000000";

function seedNetwork(store: ReturnType<typeof openStore>): void {
  const vpc = (vpcId: string, cidrBlock: string): Vpc => ({
    vpcId,
    cidrBlock,
    ownerId: ACCOUNT,
    isDefault: false,
    tags: [],
  });
  const subnet = (subnetId: string, vpcId: string, cidrBlock: string, zone: string): Subnet => ({
    subnetId,
    vpcId,
    cidrBlock,
    availabilityZone: `us-east-1${zone}`,
    availabilityZoneId: `use1-az${zone === "a" ? 1 : 2}`,
    ownerId: ACCOUNT,
    tags: [],
  });
  const group = (groupId: string, vpcId: string, groupName: string): SecurityGroup => ({
    groupId,
    groupName,
    description: groupName,
    vpcId,
    ownerId: ACCOUNT,
    ingress: [],
    egress: [],
    tags: [],
  });
  for (const v of [
    vpc("vpc-0000000000000000a", "10.0.0.0/16"),
    vpc("vpc-0000000000000000b", "10.1.0.0/16"),
  ])
    store.records.put(EC2_RECORD.vpc, v.vpcId, v);
  for (const s of [
    subnet("subnet-0000000000000001a", "vpc-0000000000000000a", "10.0.1.0/24", "a"),
    subnet("subnet-0000000000000002a", "vpc-0000000000000000a", "10.0.2.0/24", "a"),
    subnet("subnet-0000000000000003b", "vpc-0000000000000000a", "10.0.3.0/24", "b"),
    subnet("subnet-0000000000000004b", "vpc-0000000000000000b", "10.1.4.0/24", "b"),
  ])
    store.records.put(EC2_RECORD.subnet, s.subnetId, s);
  for (const g of [
    group("sg-0000000000000000d", "vpc-0000000000000000a", "default"),
    group("sg-0000000000000000a", "vpc-0000000000000000a", "nfs"),
    group("sg-0000000000000000b", "vpc-0000000000000000b", "other"),
  ])
    store.records.put(EC2_RECORD.securityGroup, g.groupId, g);
}

beforeAll(async () => {
  const store = openStore({ kind: "memory" });
  seedNetwork(store);
  server = await startTestServer({ store });
  efs = new EFSClient(server.config());
});
afterAll(() => server.close());

async function failure<T>(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => T,
): Promise<T> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  return error as T;
}

const createFs = (token: string, tags?: { Key: string; Value: string }[]) =>
  efs.send(new CreateFileSystemCommand({ CreationToken: token, ...(tags ? { Tags: tags } : {}) }));

describe("serve: EFS file systems", () => {
  it("creates a file system with 201 and echoes its description", async () => {
    const fs = await createFs("create-1", [{ Key: "Name", Value: "data" }]);
    expect(fs.$metadata.httpStatusCode).toBe(201);
    expect(fs.FileSystemId).toMatch(/^fs-[0-9a-f]{17}$/);
    expect(fs.FileSystemArn).toBe(
      `arn:aws:elasticfilesystem:us-east-1:${ACCOUNT}:file-system/${fs.FileSystemId}`,
    );
    expect(fs).toMatchObject({
      OwnerId: ACCOUNT,
      CreationToken: "create-1",
      LifeCycleState: "available",
      Name: "data",
      NumberOfMountTargets: 0,
      PerformanceMode: "generalPurpose",
      ThroughputMode: "bursting",
      Encrypted: false,
      Tags: [{ Key: "Name", Value: "data" }],
    });
    expect(fs.CreationTime).toBeInstanceOf(Date);
    expect(fs.SizeInBytes?.Value).toBeGreaterThan(0);
  });

  it("refuses a reused CreationToken with FileSystemAlreadyExists naming the file system", async () => {
    const first = await createFs("token-reused");
    const error = await failure(createFs("token-reused"), FileSystemAlreadyExists);
    expect(error.$metadata.httpStatusCode).toBe(409);
    expect(error.message).toContain(first.FileSystemId);
    expect(error.FileSystemId).toBe(first.FileSystemId);
  });

  it("echoes the modes and encryption it was given, and refuses unknown modes", async () => {
    const fs = await efs.send(
      new CreateFileSystemCommand({
        CreationToken: "modes",
        PerformanceMode: "maxIO",
        ThroughputMode: "provisioned",
        ProvisionedThroughputInMibps: 64,
        Encrypted: true,
      }),
    );
    expect(fs).toMatchObject({
      PerformanceMode: "maxIO",
      ThroughputMode: "provisioned",
      ProvisionedThroughputInMibps: 64,
      Encrypted: true,
    });
    const bad = await failure(
      efs.send(
        new CreateFileSystemCommand({ CreationToken: "bad", ThroughputMode: "turbo" as never }),
      ),
      EFSServiceException,
    );
    expect(bad.name).toBe("BadRequest");
    expect(bad.$metadata.httpStatusCode).toBe(400);
  });

  it("describes by id and by token, and refuses unknown and malformed ids", async () => {
    const fs = await createFs("describe-me");
    const byId = await efs.send(new DescribeFileSystemsCommand({ FileSystemId: fs.FileSystemId }));
    expect(byId.FileSystems?.map((f) => f.FileSystemId)).toEqual([fs.FileSystemId]);
    const byToken = await efs.send(
      new DescribeFileSystemsCommand({ CreationToken: "describe-me" }),
    );
    expect(byToken.FileSystems?.map((f) => f.FileSystemId)).toEqual([fs.FileSystemId]);
    await failure(
      efs.send(new DescribeFileSystemsCommand({ FileSystemId: "fs-0123456789abcdef0" })),
      FileSystemNotFound,
    );
    const malformed = await failure(
      efs.send(new DescribeFileSystemsCommand({ FileSystemId: "not-an-id" })),
      ValidationException,
    );
    expect(malformed.$metadata.httpStatusCode).toBe(400);
  });

  it("pages DescribeFileSystems with Marker/NextMarker through the SDK paginator", async () => {
    for (let i = 0; i < 5; i++) await createFs(`paged-${i}`);
    const all = (await efs.send(new DescribeFileSystemsCommand({}))).FileSystems ?? [];
    const seen: string[] = [];
    let pages = 0;
    for await (const page of paginateDescribeFileSystems({ client: efs, pageSize: 2 }, {})) {
      pages++;
      expect(page.FileSystems?.length).toBeLessThanOrEqual(2);
      seen.push(...(page.FileSystems ?? []).map((f) => f.FileSystemId ?? ""));
    }
    expect(seen).toEqual(all.map((f) => f.FileSystemId));
    expect(pages).toBe(Math.ceil(all.length / 2));
  });

  it("deletes a file system with 204, then it is gone", async () => {
    const fs = await createFs("delete-me");
    const deleted = await efs.send(new DeleteFileSystemCommand({ FileSystemId: fs.FileSystemId }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    await failure(
      efs.send(new DeleteFileSystemCommand({ FileSystemId: fs.FileSystemId })),
      FileSystemNotFound,
    );
  });
});

describe("serve: EFS file system policy", () => {
  const policy = (fsArn: string) =>
    JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Deny",
          Principal: { AWS: "*" },
          Action: "*",
          Resource: fsArn,
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
      ],
    });

  it("answers PolicyNotFound under the default policy, then round-trips a policy", async () => {
    const fs = await createFs("policy-1");
    const id = fs.FileSystemId ?? "";
    const missing = await failure(
      efs.send(new DescribeFileSystemPolicyCommand({ FileSystemId: id })),
      PolicyNotFound,
    );
    expect(missing.$metadata.httpStatusCode).toBe(404);
    const text = policy(fs.FileSystemArn ?? "");
    const put = await efs.send(
      new PutFileSystemPolicyCommand({
        FileSystemId: id,
        Policy: text,
        BypassPolicyLockoutSafetyCheck: true,
      }),
    );
    expect(put).toMatchObject({ FileSystemId: id, Policy: text });
    const described = await efs.send(new DescribeFileSystemPolicyCommand({ FileSystemId: id }));
    expect(described.Policy).toBe(text);
    const removed = await efs.send(new DeleteFileSystemPolicyCommand({ FileSystemId: id }));
    expect(removed.$metadata.httpStatusCode).toBe(200);
    await failure(
      efs.send(new DescribeFileSystemPolicyCommand({ FileSystemId: id })),
      PolicyNotFound,
    );
  });

  it("refuses a malformed policy with its line and column", async () => {
    const fs = await createFs("policy-bad");
    const error = await failure(
      efs.send(
        new PutFileSystemPolicyCommand({
          FileSystemId: fs.FileSystemId,
          Policy: '{"Version": "2012-10-17",\n "Statement": [}',
        }),
      ),
      InvalidPolicyException,
    );
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toMatch(/at 2:\d+/);
  });
});

describe("serve: EFS access points", () => {
  it("creates with PosixUser, RootDirectory and Tags, and honours ClientToken", async () => {
    const fs = await createFs("ap-1");
    const input = {
      FileSystemId: fs.FileSystemId,
      ClientToken: "ap-token-1",
      PosixUser: { Uid: 1000, Gid: 1000, SecondaryGids: [2000] },
      RootDirectory: {
        Path: "/app",
        CreationInfo: { OwnerUid: 1000, OwnerGid: 1000, Permissions: "750" },
      },
      Tags: [{ Key: "Name", Value: "app" }],
    };
    const ap = await efs.send(new CreateAccessPointCommand(input));
    expect(ap.$metadata.httpStatusCode).toBe(200);
    expect(ap.AccessPointId).toMatch(/^fsap-[0-9a-f]{17}$/);
    expect(ap).toMatchObject({
      ClientToken: "ap-token-1",
      Name: "app",
      FileSystemId: fs.FileSystemId,
      PosixUser: { Uid: 1000, Gid: 1000, SecondaryGids: [2000] },
      RootDirectory: input.RootDirectory,
      OwnerId: ACCOUNT,
      LifeCycleState: "available",
      AccessPointArn: `arn:aws:elasticfilesystem:us-east-1:${ACCOUNT}:access-point/${ap.AccessPointId}`,
    });
    const again = await efs.send(new CreateAccessPointCommand(input));
    expect(again.AccessPointId).toBe(ap.AccessPointId);
    const conflict = await failure(
      efs.send(new CreateAccessPointCommand({ ...input, PosixUser: { Uid: 1, Gid: 1 } })),
      EFSServiceException,
    );
    expect(conflict.name).toBe("AccessPointAlreadyExists");
    expect((conflict as unknown as { AccessPointId?: string }).AccessPointId).toBe(
      ap.AccessPointId,
    );
    const bad = await failure(
      efs.send(
        new CreateAccessPointCommand({
          FileSystemId: fs.FileSystemId,
          RootDirectory: { Path: "relative" },
        }),
      ),
      EFSServiceException,
    );
    expect(bad.$metadata.httpStatusCode).toBe(400);
  });

  it("pages DescribeAccessPoints with NextToken, describes by id and deletes with 204", async () => {
    const fs = await createFs("ap-paged");
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const ap = await efs.send(
        new CreateAccessPointCommand({
          FileSystemId: fs.FileSystemId,
          RootDirectory: { Path: `/d${i}` },
        }),
      );
      ids.push(ap.AccessPointId ?? "");
    }
    const seen: string[] = [];
    let pages = 0;
    const paginator = paginateDescribeAccessPoints(
      { client: efs, pageSize: 2 },
      { FileSystemId: fs.FileSystemId },
    );
    for await (const page of paginator) {
      pages++;
      seen.push(...(page.AccessPoints ?? []).map((a) => a.AccessPointId ?? ""));
    }
    expect(seen).toEqual([...ids].sort());
    expect(pages).toBe(3);
    const one = await efs.send(new DescribeAccessPointsCommand({ AccessPointId: ids[0] }));
    expect(one.AccessPoints?.[0]?.RootDirectory?.Path).toBe("/d0");
    const inUse = await failure(
      efs.send(new DeleteFileSystemCommand({ FileSystemId: fs.FileSystemId })),
      FileSystemInUse,
    );
    expect(inUse.$metadata.httpStatusCode).toBe(409);
    const deleted = await efs.send(new DeleteAccessPointCommand({ AccessPointId: ids[0] }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    await failure(
      efs.send(new DescribeAccessPointsCommand({ AccessPointId: ids[0] })),
      AccessPointNotFound,
    );
  });
});

describe("serve: EFS mount targets", () => {
  const SUBNET_1A = "subnet-0000000000000001a";
  const SUBNET_2A = "subnet-0000000000000002a";
  const SUBNET_3B = "subnet-0000000000000003b";
  const SUBNET_OTHER_VPC = "subnet-0000000000000004b";

  it("creates mount targets within one VPC, one per Availability Zone", async () => {
    const fs = await createFs("mt-1");
    const FileSystemId = fs.FileSystemId;
    const mt = await efs.send(new CreateMountTargetCommand({ FileSystemId, SubnetId: SUBNET_1A }));
    expect(mt).toMatchObject({
      FileSystemId,
      SubnetId: SUBNET_1A,
      VpcId: "vpc-0000000000000000a",
      AvailabilityZoneName: "us-east-1a",
      AvailabilityZoneId: "use1-az1",
      IpAddress: "10.0.1.4",
      LifeCycleState: "available",
      OwnerId: ACCOUNT,
    });
    expect(mt.MountTargetId).toMatch(/^fsmt-[0-9a-f]{17}$/);
    expect(mt.NetworkInterfaceId).toMatch(/^eni-[0-9a-f]{17}$/);
    const sameZone = await failure(
      efs.send(new CreateMountTargetCommand({ FileSystemId, SubnetId: SUBNET_2A })),
      MountTargetConflict,
    );
    expect(sameZone.$metadata.httpStatusCode).toBe(409);
    expect(sameZone.message).toContain("us-east-1a");
    const otherVpc = await failure(
      efs.send(new CreateMountTargetCommand({ FileSystemId, SubnetId: SUBNET_OTHER_VPC })),
      MountTargetConflict,
    );
    expect(otherVpc.message).toContain("vpc-0000000000000000a");
    await failure(
      efs.send(
        new CreateMountTargetCommand({ FileSystemId, SubnetId: "subnet-0123456789abcdef0" }),
      ),
      SubnetNotFound,
    );
    await failure(
      efs.send(
        new CreateMountTargetCommand({
          FileSystemId,
          SubnetId: SUBNET_3B,
          SecurityGroups: ["sg-0000000000000000b"],
        }),
      ),
      SecurityGroupNotFound,
    );
    const six = ["a", "b", "c", "d", "e", "f"].map((c) => `sg-000000000000000${c}0`);
    await failure(
      efs.send(
        new CreateMountTargetCommand({ FileSystemId, SubnetId: SUBNET_3B, SecurityGroups: six }),
      ),
      SecurityGroupLimitExceeded,
    );
    const second = await efs.send(
      new CreateMountTargetCommand({
        FileSystemId,
        SubnetId: SUBNET_3B,
        IpAddress: "10.0.3.50",
        SecurityGroups: ["sg-0000000000000000a"],
      }),
    );
    expect(second.IpAddress).toBe("10.0.3.50");
    const described = await efs.send(new DescribeFileSystemsCommand({ FileSystemId }));
    expect(described.FileSystems?.[0]?.NumberOfMountTargets).toBe(2);
  });

  it("describes, re-groups and deletes mount targets; the file system is in use meanwhile", async () => {
    const fs = await createFs("mt-2");
    const FileSystemId = fs.FileSystemId;
    const mt = await efs.send(new CreateMountTargetCommand({ FileSystemId, SubnetId: SUBNET_1A }));
    const MountTargetId = mt.MountTargetId;
    const listed = await efs.send(new DescribeMountTargetsCommand({ FileSystemId }));
    expect(listed.MountTargets?.map((m) => m.MountTargetId)).toEqual([MountTargetId]);
    expect(listed.MountTargets?.[0]?.IpAddress).toBe("10.0.1.5");
    const byId = await efs.send(new DescribeMountTargetsCommand({ MountTargetId }));
    expect(byId.MountTargets?.[0]?.FileSystemId).toBe(FileSystemId);
    const groups = await efs.send(new DescribeMountTargetSecurityGroupsCommand({ MountTargetId }));
    expect(groups.SecurityGroups).toEqual(["sg-0000000000000000d"]);
    const modified = await efs.send(
      new ModifyMountTargetSecurityGroupsCommand({
        MountTargetId,
        SecurityGroups: ["sg-0000000000000000a", "sg-0000000000000000d"],
      }),
    );
    expect(modified.$metadata.httpStatusCode).toBe(204);
    const after = await efs.send(new DescribeMountTargetSecurityGroupsCommand({ MountTargetId }));
    expect(after.SecurityGroups).toEqual(["sg-0000000000000000a", "sg-0000000000000000d"]);
    await failure(efs.send(new DeleteFileSystemCommand({ FileSystemId })), FileSystemInUse);
    const deleted = await efs.send(new DeleteMountTargetCommand({ MountTargetId }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    const missing = await failure(
      efs.send(new DescribeMountTargetsCommand({ MountTargetId })),
      MountTargetNotFound,
    );
    expect(missing.$metadata.httpStatusCode).toBe(404);
    await efs.send(new DeleteFileSystemCommand({ FileSystemId }));
  });
});

describe("serve: EFS tags", () => {
  it("tags by ARN, lists, untags, and keeps Name in step with the Name tag", async () => {
    const fs = await createFs("tags-1", [{ Key: "team", Value: "data" }]);
    const ResourceId = fs.FileSystemArn;
    await efs.send(
      new TagResourceCommand({
        ResourceId,
        Tags: [
          { Key: "Name", Value: "renamed" },
          { Key: "team", Value: "platform" },
        ],
      }),
    );
    const listed = await efs.send(new ListTagsForResourceCommand({ ResourceId: fs.FileSystemId }));
    expect(listed.Tags).toEqual([
      { Key: "Name", Value: "renamed" },
      { Key: "team", Value: "platform" },
    ]);
    const named = await efs.send(new DescribeFileSystemsCommand({ FileSystemId: fs.FileSystemId }));
    expect(named.FileSystems?.[0]?.Name).toBe("renamed");
    await efs.send(new UntagResourceCommand({ ResourceId, TagKeys: ["Name"] }));
    const after = await efs.send(new ListTagsForResourceCommand({ ResourceId }));
    expect(after.Tags).toEqual([{ Key: "team", Value: "platform" }]);
    const unnamed = await efs.send(
      new DescribeFileSystemsCommand({ FileSystemId: fs.FileSystemId }),
    );
    expect(unnamed.FileSystems?.[0]?.Name).toBeUndefined();
    const reserved = await failure(
      efs.send(new TagResourceCommand({ ResourceId, Tags: [{ Key: "aws:x", Value: "y" }] })),
      EFSServiceException,
    );
    expect(reserved.name).toBe("BadRequest");
  });
});

describe("serve: EFS authorization", () => {
  let bob: TestCredentials;
  const BOB = `arn:aws:iam::${ACCOUNT}:user/bob`;

  beforeAll(async () => {
    const iam = server.iam();
    await iam.send(new CreateUserCommand({ UserName: "bob" }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: "bob" }));
    bob = {
      accessKeyId: AccessKey?.AccessKeyId ?? "",
      secretAccessKey: AccessKey?.SecretAccessKey ?? "",
    };
  });

  it("refuses a user without a policy, then allows the call once a policy grants it", async () => {
    const bobs = new EFSClient(server.config(bob));
    const refusal = await failure(
      bobs.send(new DescribeFileSystemsCommand({})),
      EFSServiceException,
    );
    expect(refusal.name).toBe("AccessDeniedException");
    expect(refusal.$metadata.httpStatusCode).toBe(403);
    expect(refusal.message).toBe(
      `User: ${BOB} is not authorized to perform: elasticfilesystem:DescribeFileSystems on resource: * because no identity-based policy allows the elasticfilesystem:DescribeFileSystems action`,
    );
    await server.iam().send(
      new PutUserPolicyCommand({
        UserName: "bob",
        PolicyName: "efs",
        PolicyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Action: "elasticfilesystem:*", Resource: "*" }],
        }),
      }),
    );
    const allowed = await bobs.send(new DescribeFileSystemsCommand({}));
    expect(allowed.FileSystems?.length).toBeGreaterThan(0);
  });

  it("applies the file system policy as the resource policy", async () => {
    const fs = await createFs("guarded");
    await efs.send(
      new PutFileSystemPolicyCommand({
        FileSystemId: fs.FileSystemId,
        Policy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Deny",
              Principal: { AWS: BOB },
              Action: "elasticfilesystem:DeleteFileSystem",
              Resource: fs.FileSystemArn,
            },
          ],
        }),
      }),
    );
    const bobs = new EFSClient(server.config(bob));
    const refusal = await failure(
      bobs.send(new DeleteFileSystemCommand({ FileSystemId: fs.FileSystemId })),
      EFSServiceException,
    );
    expect(refusal.name).toBe("AccessDeniedException");
    expect(refusal.message).toContain(`on resource: ${fs.FileSystemArn}`);
    expect(refusal.message).toContain("resource-based policy");
  });
});

describe("serve: EFS malformed requests on the wire", () => {
  let open: TestServer;
  beforeAll(async () => {
    open = await startTestServer({ enforceIam: false });
  });
  afterAll(() => open.close());

  const send = async (method: string, path: string, body?: string) => {
    const res = await fetch(`${open.running.endpoint}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      ...(body !== undefined ? { body } : {}),
    });
    return {
      status: res.status,
      type: res.headers.get("x-amzn-errortype"),
      body: await res.json(),
    };
  };

  it("answers AWS-style errors, never a crash", async () => {
    const badJson = await send("POST", "/2015-02-01/file-systems", "{");
    expect(badJson).toMatchObject({ status: 400, type: "SerializationException" });
    const wrongType = await send("POST", "/2015-02-01/file-systems", '{"CreationToken":5}');
    expect(wrongType).toMatchObject({
      status: 400,
      body: { ErrorCode: "BadRequest", Message: "CreationToken must be a string, not a number" },
    });
    const badTags = await send(
      "POST",
      "/2015-02-01/file-systems",
      '{"CreationToken":"x","Tags":"no"}',
    );
    expect(badTags).toMatchObject({ status: 400, type: "BadRequest" });
    const badUid = await send(
      "POST",
      "/2015-02-01/access-points",
      '{"FileSystemId":"fs-0123456789abcdef0","PosixUser":{"Uid":-1,"Gid":0}}',
    );
    expect(badUid).toMatchObject({ status: 400, type: "BadRequest" });
    const badPage = await send("GET", "/2015-02-01/file-systems?MaxItems=zero");
    expect(badPage).toMatchObject({ status: 400, type: "BadRequest" });
    const badMarker = await send("GET", "/2015-02-01/file-systems?Marker=%00");
    expect(badMarker).toMatchObject({ status: 400, type: "BadRequest" });
    const oneOf = await send("GET", "/2015-02-01/mount-targets");
    expect(oneOf).toMatchObject({ status: 400, type: "BadRequest" });
    const badId = await send("DELETE", "/2015-02-01/access-points/nope");
    expect(badId).toMatchObject({ status: 400, type: "ValidationException" });
    const unknown = await send("GET", "/2015-02-01/nothing-here");
    expect(unknown).toMatchObject({ status: 404, type: "UnknownOperationException" });
  });
});
