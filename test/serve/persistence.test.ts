/**
 * What survives and what does not: state written through the server to a
 * SQLite store is there after a restart on the same file (every service's
 * resources read back field by field, session and access key credentials
 * still work, the audit trail and the EFS data plane's files are kept); an
 * unexpected (non-AWS) error inside a handler becomes a 500
 * `InternalFailure` that the SDK surfaces, is logged with the request id and
 * without secrets, and the server keeps answering.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateManagedPrefixListCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  CreateVpcEndpointCommand,
  DescribeManagedPrefixListsCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
  EC2Client,
  GetManagedPrefixListEntriesCommand,
} from "@aws-sdk/client-ec2";
import {
  CreateAccessPointCommand,
  CreateFileSystemCommand,
  CreateMountTargetCommand,
  DescribeAccessPointsCommand,
  DescribeFileSystemPolicyCommand,
  DescribeFileSystemsCommand,
  DescribeMountTargetSecurityGroupsCommand,
  DescribeMountTargetsCommand,
  EFSClient,
  ListTagsForResourceCommand,
  PutFileSystemPolicyCommand,
  TagResourceCommand,
} from "@aws-sdk/client-efs";
import {
  AttachRolePolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetUserCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from "@aws-sdk/client-iam";
import {
  CreateFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  LambdaClient,
  ListFunctionsCommand,
} from "@aws-sdk/client-lambda";
import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetResourcePolicyCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
  PutResourcePolicyCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from "@aws-sdk/client-secrets-manager";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, describe, expect, it } from "vitest";
import { CONNECTION_STREAM_PREFIX } from "../../src/services/audit/connections.js";
import { AUDIT_STREAM } from "../../src/services/audit/event.js";
import type { ServiceContext } from "../../src/services/context.js";
import { registerContainerCredentials } from "../../src/services/credentials/container-registrations.js";
import { mkdir, readdir, readFile, stat, writeFile } from "../../src/services/efs/file-tree.js";
import { mount } from "../../src/services/efs/mount.js";
import { openStore } from "../../src/store/open.js";
import type { Store } from "../../src/store/port.js";
import { zipArchive } from "../awscli/zip-archive.js";
import { startTestServer, type TestCredentials, type TestServer, trustPolicy } from "./harness.js";

const dir = mkdtempSync(join(tmpdir(), "accesslab-serve-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ACCOUNT = "000000000000";
const allow = (actions: string[], resource = "*") =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: actions, Resource: resource }],
  });

function contextOver(store: Store, clock: () => number = Date.now): ServiceContext {
  return {
    store,
    clock,
    random: (n) => new Uint8Array(randomBytes(n)),
    account: ACCOUNT,
    region: "us-east-1",
  };
}

/** An SDK answer without its per-request metadata. */
function bare<T extends { $metadata?: unknown }>(output: T): Omit<T, "$metadata"> {
  const { $metadata: _, ...rest } = output;
  return rest;
}

/** What the first server creates, for the second to read back. */
interface World {
  readonly roleArn: string;
  readonly policyArn: string;
  readonly userKeys: TestCredentials;
  readonly session: TestCredentials;
  readonly vpcId: string;
  readonly subnetId: string;
  readonly groupId: string;
  readonly prefixListId: string;
  readonly endpointId: string;
  readonly fileSystemId: string;
  readonly accessPointId: string;
  readonly secretArn: string;
  readonly container: { readonly id: string; readonly token: string };
}

async function build(server: TestServer, store: Store): Promise<World> {
  const iam = server.iam();
  const config = server.config();
  const role = await iam.send(
    new CreateRoleCommand({
      RoleName: "app",
      Path: "/team/",
      Description: "kept across restarts",
      MaxSessionDuration: 7200,
      AssumeRolePolicyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: {
              AWS: `arn:aws:iam::${ACCOUNT}:root`,
              Service: ["lambda.amazonaws.com", "ecs-tasks.amazonaws.com"],
            },
            Action: "sts:AssumeRole",
          },
        ],
      }),
      Tags: [{ Key: "team", Value: "data" }],
    }),
  );
  const roleArn = role.Role?.Arn ?? "";
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: "app",
      PolicyName: "inline",
      PolicyDocument: allow(["secretsmanager:GetSecretValue", "sts:GetCallerIdentity"]),
    }),
  );
  const policy = await iam.send(
    new CreatePolicyCommand({
      PolicyName: "managed",
      Description: "attached",
      PolicyDocument: allow(["elasticfilesystem:Describe*"]),
    }),
  );
  const policyArn = policy.Policy?.Arn ?? "";
  await iam.send(new AttachRolePolicyCommand({ RoleName: "app", PolicyArn: policyArn }));
  await iam.send(
    new PutRolePermissionsBoundaryCommand({ RoleName: "app", PermissionsBoundary: policyArn }),
  );
  await iam.send(new CreateUserCommand({ UserName: "dev" }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: "dev",
      PolicyName: "who",
      PolicyDocument: allow(["sts:GetCallerIdentity", "sts:AssumeRole"]),
    }),
  );
  const key = await iam.send(new CreateAccessKeyCommand({ UserName: "dev" }));
  const userKeys = {
    accessKeyId: key.AccessKey?.AccessKeyId ?? "",
    secretAccessKey: key.AccessKey?.SecretAccessKey ?? "",
  };
  const assumed = await server
    .sts(userKeys)
    .send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "kept", DurationSeconds: 7200 }),
    );
  const session = {
    accessKeyId: assumed.Credentials?.AccessKeyId ?? "",
    secretAccessKey: assumed.Credentials?.SecretAccessKey ?? "",
    sessionToken: assumed.Credentials?.SessionToken ?? "",
  };

  const ec2 = new EC2Client(config);
  const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16" }))).Vpc?.VpcId;
  const subnetId = (
    await ec2.send(
      new CreateSubnetCommand({
        VpcId: vpcId,
        CidrBlock: "10.0.1.0/24",
        AvailabilityZone: "us-east-1a",
      }),
    )
  ).Subnet?.SubnetId;
  const groupId = (
    await ec2.send(
      new CreateSecurityGroupCommand({
        GroupName: "nfs",
        Description: "nfs clients",
        VpcId: vpcId,
      }),
    )
  ).GroupId;
  const prefixListId = (
    await ec2.send(
      new CreateManagedPrefixListCommand({
        PrefixListName: "office",
        MaxEntries: 5,
        AddressFamily: "IPv4",
        Entries: [{ Cidr: "192.168.0.0/24", Description: "desk" }],
      }),
    )
  ).PrefixList?.PrefixListId;
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: groupId,
      IpPermissions: [
        {
          IpProtocol: "tcp",
          FromPort: 2049,
          ToPort: 2049,
          IpRanges: [{ CidrIp: "10.0.0.0/16", Description: "vpc" }],
          UserIdGroupPairs: [{ GroupId: groupId }],
          PrefixListIds: [{ PrefixListId: prefixListId }],
        },
      ],
    }),
  );
  await ec2.send(
    new AuthorizeSecurityGroupEgressCommand({
      GroupId: groupId,
      IpPermissions: [
        { IpProtocol: "tcp", FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: "10.0.0.0/8" }] },
      ],
    }),
  );
  const endpointId = (
    await ec2.send(
      new CreateVpcEndpointCommand({
        VpcId: vpcId,
        ServiceName: "com.amazonaws.us-east-1.secretsmanager",
        VpcEndpointType: "Interface",
        SubnetIds: [subnetId ?? ""],
        SecurityGroupIds: [groupId ?? ""],
        PolicyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }],
        }),
      }),
    )
  ).VpcEndpoint?.VpcEndpointId;

  const efs = new EFSClient(config);
  const fs = await efs.send(
    new CreateFileSystemCommand({
      CreationToken: "kept-fs",
      Encrypted: true,
      Tags: [{ Key: "Name", Value: "data" }],
    }),
  );
  const fileSystemId = fs.FileSystemId ?? "";
  await efs.send(
    new CreateMountTargetCommand({
      FileSystemId: fileSystemId,
      SubnetId: subnetId,
      SecurityGroups: [groupId ?? ""],
    }),
  );
  const ap = await efs.send(
    new CreateAccessPointCommand({
      FileSystemId: fileSystemId,
      ClientToken: "kept-ap",
      PosixUser: { Uid: 1000, Gid: 1000, SecondaryGids: [2000] },
      RootDirectory: {
        Path: "/app",
        CreationInfo: { OwnerUid: 1000, OwnerGid: 1000, Permissions: "750" },
      },
      Tags: [{ Key: "Name", Value: "app" }],
    }),
  );
  const accessPointId = ap.AccessPointId ?? "";
  await efs.send(
    new PutFileSystemPolicyCommand({
      FileSystemId: fileSystemId,
      Policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { AWS: roleArn },
            Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
            Resource: fs.FileSystemArn,
            Condition: { Bool: { "aws:SecureTransport": "true" } },
          },
        ],
      }),
    }),
  );
  await efs.send(
    new TagResourceCommand({ ResourceId: fileSystemId, Tags: [{ Key: "tier", Value: "gold" }] }),
  );

  await new LambdaClient(config).send(
    new CreateFunctionCommand({
      FunctionName: "kept-fn",
      Role: roleArn,
      Runtime: "nodejs20.x",
      Handler: "index.handler",
      Code: {
        ZipFile: zipArchive([
          { name: "index.js", content: "exports.handler = async () => 'kept';\n" },
        ]),
      },
      Description: "survives",
      Timeout: 10,
      Environment: { Variables: { MODE: "kept" } },
      Tags: { team: "data" },
    }),
  );

  const sm = new SecretsManagerClient(config);
  const secret = await sm.send(
    new CreateSecretCommand({
      Name: "db/password",
      SecretString: "first",
      Description: "two versions",
      Tags: [{ Key: "team", Value: "data" }],
    }),
  );
  await sm.send(new PutSecretValueCommand({ SecretId: "db/password", SecretString: "second" }));
  await sm.send(
    new PutResourcePolicyCommand({
      SecretId: "db/password",
      ResourcePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { AWS: roleArn },
            Action: "secretsmanager:GetSecretValue",
            Resource: "*",
          },
        ],
      }),
    }),
  );

  const registration = registerContainerCredentials(contextOver(store), { roleArn });
  return {
    roleArn,
    policyArn,
    userKeys,
    session,
    vpcId: vpcId ?? "",
    subnetId: subnetId ?? "",
    groupId: groupId ?? "",
    prefixListId: prefixListId ?? "",
    endpointId: endpointId ?? "",
    fileSystemId,
    accessPointId,
    secretArn: secret.ARN ?? "",
    container: { id: registration.id, token: registration.authorizationToken ?? "" },
  };
}

/** Everything the services answer about the world, without request metadata. */
async function describeAll(server: TestServer, world: World) {
  const iam = server.iam();
  const config = server.config();
  const ec2 = new EC2Client(config);
  const efs = new EFSClient(config);
  const lambda = new LambdaClient(config);
  const sm = new SecretsManagerClient(config);
  const callerOf = async (credentials: TestCredentials) =>
    bare(await new STSClient(server.config(credentials)).send(new GetCallerIdentityCommand({})));
  const container = await fetch(`${server.running.endpoint}/v2/credentials/${world.container.id}`, {
    headers: { authorization: world.container.token },
  });
  const mountTargets = bare(
    await efs.send(new DescribeMountTargetsCommand({ FileSystemId: world.fileSystemId })),
  );
  const mountTargetId = mountTargets.MountTargets?.[0]?.MountTargetId;
  return {
    iam: {
      role: bare(await iam.send(new GetRoleCommand({ RoleName: "app" }))),
      roles: bare(await iam.send(new ListRolesCommand({}))),
      inlineNames: bare(await iam.send(new ListRolePoliciesCommand({ RoleName: "app" }))),
      inline: bare(
        await iam.send(new GetRolePolicyCommand({ RoleName: "app", PolicyName: "inline" })),
      ),
      attached: bare(await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: "app" }))),
      policy: bare(await iam.send(new GetPolicyCommand({ PolicyArn: world.policyArn }))),
      version: bare(
        await iam.send(
          new GetPolicyVersionCommand({ PolicyArn: world.policyArn, VersionId: "v1" }),
        ),
      ),
      user: bare(await iam.send(new GetUserCommand({ UserName: "dev" }))),
      userCaller: await callerOf(world.userKeys),
    },
    sts: { sessionCaller: await callerOf(world.session) },
    ec2: {
      vpcs: bare(await ec2.send(new DescribeVpcsCommand({ VpcIds: [world.vpcId] }))),
      subnets: bare(await ec2.send(new DescribeSubnetsCommand({ SubnetIds: [world.subnetId] }))),
      groups: bare(await ec2.send(new DescribeSecurityGroupsCommand({}))),
      rules: bare(
        await ec2.send(
          new DescribeSecurityGroupRulesCommand({
            Filters: [{ Name: "group-id", Values: [world.groupId] }],
          }),
        ),
      ),
      prefixLists: bare(
        await ec2.send(
          new DescribeManagedPrefixListsCommand({ PrefixListIds: [world.prefixListId] }),
        ),
      ),
      entries: bare(
        await ec2.send(
          new GetManagedPrefixListEntriesCommand({ PrefixListId: world.prefixListId }),
        ),
      ),
      endpoints: bare(
        await ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [world.endpointId] })),
      ),
    },
    efs: {
      fileSystems: bare(await efs.send(new DescribeFileSystemsCommand({}))),
      mountTargets,
      mountTargetGroups: bare(
        await efs.send(
          new DescribeMountTargetSecurityGroupsCommand({ MountTargetId: mountTargetId }),
        ),
      ),
      accessPoints: bare(
        await efs.send(new DescribeAccessPointsCommand({ FileSystemId: world.fileSystemId })),
      ),
      policy: bare(
        await efs.send(new DescribeFileSystemPolicyCommand({ FileSystemId: world.fileSystemId })),
      ),
      tags: bare(
        await efs.send(new ListTagsForResourceCommand({ ResourceId: world.fileSystemId })),
      ),
      accessPointTags: bare(
        await efs.send(new ListTagsForResourceCommand({ ResourceId: world.accessPointId })),
      ),
    },
    lambda: {
      configuration: bare(
        await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: "kept-fn" })),
      ),
      list: bare(await lambda.send(new ListFunctionsCommand({}))),
      function: bare(await lambda.send(new GetFunctionCommand({ FunctionName: "kept-fn" }))),
    },
    secretsmanager: {
      described: bare(await sm.send(new DescribeSecretCommand({ SecretId: world.secretArn }))),
      listed: bare(await sm.send(new ListSecretsCommand({}))),
      current: bare(await sm.send(new GetSecretValueCommand({ SecretId: "db/password" }))),
      previous: bare(
        await sm.send(
          new GetSecretValueCommand({ SecretId: "db/password", VersionStage: "AWSPREVIOUS" }),
        ),
      ),
      policy: bare(await sm.send(new GetResourcePolicyCommand({ SecretId: "db/password" }))),
    },
    ecs: { status: container.status, document: await container.json() },
  };
}

/** Mounts the file system through the access point as the role and returns the session. */
function mountAsRole(store: Store, world: World, clock?: () => number) {
  const result = mount(contextOver(store, clock), {
    fileSystemId: world.fileSystemId,
    accessPointId: world.accessPointId,
    client: { uid: 0, gid: 0, groups: [0] },
    caller: { principal: `arn:aws:sts::${ACCOUNT}:assumed-role/app/kept`, identityPolicies: [] },
    tls: true,
    iam: true,
    viaMountTarget: true,
    sourceIp: "10.0.1.20",
  });
  if ("refusal" in result) throw new Error(result.refusal.message);
  return result.mount.session;
}

/**
 * The files under the access point's root: names, stats and contents, read
 * at a fixed time so that access times read back identically.
 */
function files(store: Store, world: World) {
  const session = mountAsRole(store, world, () => 1_800_000_000_000);
  const text = (path: string) => {
    const read = readFile(session, path);
    return read.ok ? Buffer.from(read.value).toString("utf8") : read;
  };
  const listing = readdir(session, "/");
  const notesText = text("/notes.txt");
  const nestedText = text("/logs/today.log");
  return {
    listing: listing.ok ? listing.value.map((e) => e.name).sort() : listing,
    notes: stat(session, "/notes.txt"),
    notesText,
    nested: stat(session, "/logs/today.log"),
    nestedText,
  };
}

describe("serve: state", () => {
  it("keeps a role across a restart on the same SQLite file", async () => {
    const path = join(dir, "state.db");
    const first = await startTestServer({ store: openStore({ kind: "sqlite", path }) });
    await first.iam().send(
      new CreateRoleCommand({
        RoleName: "kept",
        AssumeRolePolicyDocument: trustPolicy({ Service: "lambda.amazonaws.com" }),
      }),
    );
    await first.close();
    const second = await startTestServer({ store: openStore({ kind: "sqlite", path }) });
    try {
      const got = await second.iam().send(new GetRoleCommand({ RoleName: "kept" }));
      expect(got.Role?.Arn).toBe("arn:aws:iam::000000000000:role/kept");
    } finally {
      await second.close();
    }
  });

  it("keeps every service's resources, credentials, files and audit trail across a restart", async () => {
    const path = join(dir, "world.db");
    const firstStore = openStore({ kind: "sqlite", path });
    const first = await startTestServer({ store: firstStore });
    let world: World;
    let before: Awaited<ReturnType<typeof describeAll>>;
    let filesBefore: ReturnType<typeof files>;
    let auditBefore: unknown[];
    let connectionsBefore: unknown[];
    try {
      world = await build(first, firstStore);
      const session = mountAsRole(firstStore, world);
      expect(writeFile(session, "/notes.txt", "kept across restarts\n").ok).toBe(true);
      expect(mkdir(session, "/logs", 0o750).ok).toBe(true);
      expect(writeFile(session, "/logs/today.log", "line 1\nline 2\n").ok).toBe(true);
      before = await describeAll(first, world);
      filesBefore = files(firstStore, world);
      auditBefore = firstStore.events.read(AUDIT_STREAM);
      connectionsBefore = firstStore.events.read(
        `${CONNECTION_STREAM_PREFIX}${world.fileSystemId}`,
      );
    } finally {
      await first.close();
    }
    expect(before.ecs.status).toBe(200);
    expect(before.sts.sessionCaller.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/app/kept`);
    expect(before.iam.userCaller.Arn).toBe(`arn:aws:iam::${ACCOUNT}:user/dev`);
    expect(before.secretsmanager.previous.SecretString).toBe("first");
    expect(filesBefore.notesText).toBe("kept across restarts\n");
    // The snapshot is not empty: each part holds what was created.
    expect(before.iam.attached.AttachedPolicies).toHaveLength(1);
    expect(before.iam.role.Role?.PermissionsBoundary?.PermissionsBoundaryArn).toBe(world.policyArn);
    expect(before.ec2.rules.SecurityGroupRules?.length).toBeGreaterThanOrEqual(4);
    expect(before.ec2.entries.Entries).toEqual([{ Cidr: "192.168.0.0/24", Description: "desk" }]);
    expect(before.ec2.endpoints.VpcEndpoints?.[0]?.PolicyDocument).toContain("Allow");
    expect(before.efs.mountTargets.MountTargets).toHaveLength(1);
    expect(before.efs.mountTargetGroups.SecurityGroups).toEqual([world.groupId]);
    expect(before.efs.accessPoints.AccessPoints).toHaveLength(1);
    expect(before.efs.tags.Tags).toContainEqual({ Key: "tier", Value: "gold" });
    expect(before.lambda.function.Tags).toEqual({ team: "data" });
    expect(before.lambda.configuration.Environment?.Variables).toEqual({ MODE: "kept" });
    expect(Object.keys(before.secretsmanager.described.VersionIdsToStages ?? {})).toHaveLength(2);
    expect(before.secretsmanager.policy.ResourcePolicy).toContain(world.roleArn);
    expect(auditBefore.length).toBeGreaterThan(40);
    expect(connectionsBefore.length).toBeGreaterThan(0);

    const secondStore = openStore({ kind: "sqlite", path });
    // Read before the second server records anything. Records still being
    // written when the snapshot was taken were flushed by close: the trail
    // holds the snapshot and ends with the last call made.
    const auditAfter = secondStore.events.read<{ eventName: string }>(AUDIT_STREAM);
    expect(auditAfter.slice(0, auditBefore.length)).toEqual(auditBefore);
    expect(auditAfter.at(-1)?.event.eventName).toBe("GetResourcePolicy");
    expect(secondStore.events.read(`${CONNECTION_STREAM_PREFIX}${world.fileSystemId}`)).toEqual(
      connectionsBefore,
    );
    const second = await startTestServer({ store: secondStore });
    try {
      expect(files(secondStore, world)).toEqual(filesBefore);
      const after = await describeAll(second, world);
      for (const service of Object.keys(before) as (keyof typeof before)[]) {
        expect({ [service]: after[service] }).toEqual({ [service]: before[service] });
      }
    } finally {
      await second.close();
    }
  });

  it("turns an unexpected error into InternalFailure, logs it and keeps serving", async () => {
    const inner = openStore({ kind: "memory" });
    const broken: Store = {
      ...inner,
      tree: (id) => inner.tree(id),
      dropTree: (id) => inner.dropTree(id),
      events: inner.events,
      transaction: (work) => inner.transaction(work),
      close: () => inner.close(),
      records: {
        get: (kind, id) => inner.records.get(kind, id),
        put: (kind, id, value) => inner.records.put(kind, id, value),
        delete: (kind, id) => inner.records.delete(kind, id),
        count: (kind) => inner.records.count(kind),
        listWhere: (kind, field, value) => inner.records.listWhere(kind, field, value),
        // only IAM's listings fail: the server's own start-up reads (FSx's
        // file systems to resume) must not, or there would be no server
        list: <T>(kind: string): T[] => {
          if (kind.startsWith("iam/")) throw new RangeError("disk on fire");
          return inner.records.list<T>(kind);
        },
      },
    };
    const server = await startTestServer({ store: broken });
    try {
      const error = await server
        .iam()
        .send(new ListRolesCommand({}))
        .then(
          () => undefined,
          (e: unknown) => e as { name: string; $metadata: { httpStatusCode?: number } },
        );
      expect(error?.name).toBe("InternalFailure");
      expect(error?.$metadata.httpStatusCode).toBe(500);
      expect(server.logged).toHaveLength(1);
      expect(server.logged[0]).toMatch(
        /internal failure in iam\.ListRoles \(request [0-9a-f-]{36}\): RangeError: disk on fire/,
      );
      expect(server.logged[0]).not.toContain("Signature=");
      const identity = await server.sts().send(new GetCallerIdentityCommand({}));
      expect(identity.Account).toBe("000000000000");
    } finally {
      await server.close();
    }
  });
});
