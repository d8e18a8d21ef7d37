/**
 * The demo stack `npm start` loads: the bundled `examples/demo/stack.yaml`
 * loaded into a memory store through the loader (every resource, with its
 * links), loaded once only, refused with `file:line:column` when malformed
 * and leaving the state untouched when a service refuses an entry; then a
 * server over that store and the real SDK clients walking the three
 * stories (developer refused DescribeAccessPoints, the secret denied
 * outside its endpoint and allowed through `/_vpce/<id>`, the ECS
 * credentials endpoint vending the task role).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  DescribeAccessPointsCommand,
  DescribeFileSystemsCommand,
  EFSClient,
  EFSServiceException,
} from "@aws-sdk/client-efs";
import {
  GetSecretValueCommand,
  SecretsManagerClient,
  SecretsManagerServiceException,
} from "@aws-sdk/client-secrets-manager";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { fromHttp } from "@aws-sdk/credential-provider-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoStack } from "../../src/demo/load.js";
import { DemoLoadError } from "../../src/demo/load-error.js";
import type { ServiceContext } from "../../src/services/context.js";
import { RECORD as CREDENTIALS } from "../../src/services/credentials/context.js";
import type { ContainerRegistration } from "../../src/services/credentials/model.js";
import type { SecurityGroup, Subnet, Vpc, VpcEndpoint } from "../../src/services/ec2/model.js";
import { EC2_RECORD } from "../../src/services/ec2/model.js";
import { RECORD as EFS } from "../../src/services/efs/context.js";
import type { AccessPoint, FileSystem, MountTarget } from "../../src/services/efs/model.js";
import { getRole } from "../../src/services/iam/roles.js";
import { findAccessKey, getUser } from "../../src/services/iam/users.js";
import { findSecret } from "../../src/services/secretsmanager/lookup.js";
import { openStore } from "../../src/store/open.js";
import type { Store } from "../../src/store/port.js";
import { startTestServer, type TestServer } from "../serve/harness.js";

const STACK = "examples/demo/stack.yaml";
const DEVELOPER = { accessKeyId: "AKIADEMODEVELOPER001", secretAccessKey: "developer" };

function contextOver(store: Store): ServiceContext {
  return {
    store,
    clock: Date.now,
    random: (n) => new Uint8Array(randomBytes(n)),
    account: "000000000000",
    region: "us-east-1",
  };
}

const load = (ctx: ServiceContext, text = readFileSync(STACK, "utf8"), file = STACK) =>
  loadDemoStack(ctx, text, file);

function loadError(work: () => unknown): DemoLoadError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(DemoLoadError);
    return error as DemoLoadError;
  }
  throw new Error("expected a DemoLoadError");
}

/** Every record of the kinds the demo writes, to compare states. */
function snapshot(store: Store): string {
  const kinds = [
    "iam/user",
    "iam/role",
    "iam/access-key",
    ...Object.values(EC2_RECORD),
    ...Object.values(EFS),
    CREDENTIALS.container,
    "secretsmanager/secret",
    "demo/loaded",
  ];
  return JSON.stringify(kinds.map((k) => [k, store.records.list(k)]));
}

describe("demo stack: loading", () => {
  const store = openStore({ kind: "memory" });
  const ctx = contextOver(store);
  const result = load(ctx);
  const { summary } = result;
  const list = <T>(kind: string) => store.records.list<T>(kind);

  it("creates the developer with its fixed key and describe-only policy", () => {
    expect(result.status).toBe("loaded");
    const developer = getUser(ctx, "developer");
    expect(Object.keys(developer.inlinePolicies)).toEqual(["describe-file-systems-only"]);
    expect(findAccessKey(ctx, "AKIADEMODEVELOPER001")).toMatchObject({
      userName: "developer",
      secretAccessKey: "developer",
      status: "Active",
    });
    expect(summary.users).toEqual([
      {
        name: "developer",
        arn: "arn:aws:iam::000000000000:user/developer",
        ...{ accessKeyId: "AKIADEMODEVELOPER001", secretAccessKey: "developer" },
      },
    ]);
  });

  it("creates the roles trusting their service, with their policies", () => {
    const fn = getRole(ctx, "demo-function");
    expect(JSON.parse(fn.assumeRolePolicyDocument).Statement[0].Principal).toEqual({
      Service: "lambda.amazonaws.com",
    });
    expect(fn.attachedPolicyArns).toEqual([
      "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
      "arn:aws:iam::aws:policy/AmazonElasticFileSystemClientReadWriteAccess",
    ]);
    expect(Object.keys(fn.inlinePolicies)).toEqual(["read-demo-secret"]);
    const task = getRole(ctx, "demo-task");
    expect(JSON.parse(task.assumeRolePolicyDocument).Statement[0].Principal).toEqual({
      Service: "ecs-tasks.amazonaws.com",
    });
    const [registration] = list<ContainerRegistration>(CREDENTIALS.container);
    expect(registration).toMatchObject({ roleArn: task.arn, taskId: "demo-task", cluster: "demo" });
    expect(summary.containerCredentials).toEqual([
      {
        roleArn: task.arn,
        id: registration?.id,
        authorizationToken: registration?.authorizationToken,
      },
    ]);
  });

  it("creates the VPC, its subnets in two AZs, the security groups and the endpoint", () => {
    const [vpc] = list<Vpc>(EC2_RECORD.vpc);
    expect(vpc).toMatchObject({ vpcId: summary.vpcId, cidrBlock: "10.0.0.0/16" });
    const subnets = list<Subnet>(EC2_RECORD.subnet);
    expect(subnets.map((s) => [s.vpcId, s.cidrBlock, s.availabilityZone]).sort()).toEqual([
      [vpc?.vpcId, "10.0.1.0/24", "us-east-1a"],
      [vpc?.vpcId, "10.0.2.0/24", "us-east-1b"],
    ]);
    const groups = list<SecurityGroup>(EC2_RECORD.securityGroup).filter(
      (g) => g.groupName !== "default",
    );
    const byName = new Map(groups.map((g) => [g.groupName, g]));
    expect([...byName.keys()].sort()).toEqual([
      "demo-efs-sg",
      "demo-endpoint-sg",
      "demo-function-sg",
    ]);
    const fnGroup = byName.get("demo-function-sg")?.groupId;
    for (const [name, port] of [
      ["demo-efs-sg", 2049],
      ["demo-endpoint-sg", 443],
    ] as const) {
      const group = byName.get(name);
      expect(group?.vpcId).toBe(vpc?.vpcId);
      expect(group?.ingress).toMatchObject([
        {
          ipProtocol: "tcp",
          fromPort: port,
          toPort: port,
          peer: { kind: "security-group", groupId: fnGroup },
        },
      ]);
    }
    const [endpoint] = list<VpcEndpoint>(EC2_RECORD.vpcEndpoint);
    expect(endpoint).toMatchObject({
      vpcEndpointId: summary.endpoints[0]?.id,
      vpcId: vpc?.vpcId,
      serviceName: "com.amazonaws.us-east-1.secretsmanager",
      vpcEndpointType: "Interface",
      securityGroupIds: [byName.get("demo-endpoint-sg")?.groupId],
    });
    expect([...(endpoint?.subnetIds ?? [])].sort()).toEqual(subnets.map((s) => s.subnetId).sort());
  });

  it("creates the file system with two mount targets, two access points and its policy", () => {
    const [fs] = list<FileSystem>(EFS.fileSystem);
    expect(fs).toMatchObject({ fileSystemId: summary.fileSystemId, name: "demo-efs" });
    expect(JSON.parse(fs?.policy ?? "{}").Statement.map((s: { Sid: string }) => s.Sid)).toEqual([
      "account-principals-through-mount-targets",
      "deny-without-tls",
    ]);
    const efsGroup = list<SecurityGroup>(EC2_RECORD.securityGroup).find(
      (g) => g.groupName === "demo-efs-sg",
    )?.groupId;
    const targets = list<MountTarget>(EFS.mountTarget);
    expect(targets.map((t) => t.availabilityZoneName).sort()).toEqual(["us-east-1a", "us-east-1b"]);
    for (const t of targets) {
      expect(t.fileSystemId).toBe(fs?.fileSystemId);
      expect(t.securityGroups).toEqual([efsGroup]);
    }
    const points = list<AccessPoint>(EFS.accessPoint);
    const app = points.find((p) => p.name === "app");
    const reports = points.find((p) => p.name === "reports");
    expect(app).toMatchObject({
      fileSystemId: fs?.fileSystemId,
      posixUser: { uid: 1000, gid: 1000 },
      rootDirectory: {
        path: "/app",
        creationInfo: { ownerUid: 1000, ownerGid: 1000, permissions: "750" },
      },
    });
    expect(reports?.posixUser).toBeUndefined();
    expect(reports?.rootDirectory.path).toBe("/reports");
  });

  it("creates the secret with its value and a policy naming the endpoint's id", () => {
    const secret = findSecret(ctx, "demo/db");
    expect(secret?.arn).toMatch(
      /^arn:aws:secretsmanager:us-east-1:000000000000:secret:demo\/db-.{6}$/,
    );
    const value = secret?.versions[0]?.secretString ?? "{}";
    expect(JSON.parse(value)).toEqual({
      host: "db.demo.internal",
      username: "app",
      password: "change-me-locally",
    });
    const policy = JSON.parse(secret?.policy ?? "{}");
    expect(policy.Statement[0].Condition).toEqual({
      StringNotEquals: { "aws:sourceVpce": summary.endpoints[0]?.id },
    });
  });

  it("does nothing the second time (same state, same summary)", () => {
    const before = snapshot(store);
    const again = load(ctx);
    expect(again).toEqual({ status: "already loaded", summary });
    expect(snapshot(store)).toBe(before);
  });
});

describe("demo stack: refusals", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "accesslab-demo-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const original = readFileSync(STACK, "utf8");

  it("reports a bad field as file:line:column and creates nothing", () => {
    const file = join(dir, "bad-field.yaml");
    const text = original.replace("    trustedService: lambda", "    trustedServce: lambda");
    writeFileSync(file, text);
    const line = text.split("\n").findIndex((l) => l.includes("trustedServce")) + 1;
    const store = openStore({ kind: "memory" });
    const error = loadError(() => load(contextOver(store), readFileSync(file, "utf8"), file));
    expect(error.message).toBe(`${file}:${line}:5: unknown field \`trustedServce\` in roles[0]`);
    expect(store.records.list("iam/user")).toEqual([]);
  });

  it("reports a reference to a name not defined earlier at its position", () => {
    const text = original.replace("${demo-secretsmanager-endpoint}", "${demo-endpoint}");
    const error = loadError(() => load(contextOver(openStore({ kind: "memory" })), text));
    const line = text.split("\n").findIndex((l) => l.includes("${demo-endpoint}")) + 1;
    expect(error.message).toMatch(
      new RegExp(`^${STACK}:${line}:\\d+: unknown name \`demo-endpoint\``),
    );
  });

  it("rolls everything back when a service refuses an entry half-way", () => {
    const text = original.replace("cidr: 10.0.2.0/24", "cidr: 10.9.2.0/24");
    const store = openStore({ kind: "memory" });
    const error = loadError(() => load(contextOver(store), text));
    expect(error.message).toMatch(
      new RegExp(`^${STACK}:\\d+:\\d+: creating subnet \`demo-subnet-b\`: InvalidSubnet\\.Range: `),
    );
    expect(snapshot(store)).toBe(snapshot(openStore({ kind: "memory" })));
  });
});

describe("demo stack: served to the real SDK clients", () => {
  let server: TestServer;
  let summary: ReturnType<typeof loadDemoStack>["summary"];
  beforeAll(async () => {
    const store = openStore({ kind: "memory" });
    summary = load(contextOver(store)).summary;
    server = await startTestServer({ store });
  });
  afterAll(() => server.close());

  async function refusal<E extends Error>(
    promise: Promise<unknown>,
    type: new (...a: never[]) => E,
  ) {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(type);
    return error as E & { $metadata: { httpStatusCode?: number } };
  }

  it("the developer key works, may describe file systems and is refused access points", async () => {
    const sts = new STSClient(server.config(DEVELOPER));
    expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(
      "arn:aws:iam::000000000000:user/developer",
    );
    const efs = new EFSClient(server.config(DEVELOPER));
    const { FileSystems } = await efs.send(new DescribeFileSystemsCommand({}));
    expect(FileSystems?.map((f) => f.FileSystemId)).toEqual([summary.fileSystemId]);
    const refused = await refusal(
      efs.send(new DescribeAccessPointsCommand({})),
      EFSServiceException,
    );
    expect(refused.name).toBe("AccessDeniedException");
    expect(refused.$metadata.httpStatusCode).toBe(403);
    expect(refused.message).toContain(
      "User: arn:aws:iam::000000000000:user/developer is not authorized to perform: elasticfilesystem:DescribeAccessPoints",
    );
    expect(refused.message).toContain("no identity-based policy");
  });

  it("the root may list the access points", async () => {
    const efs = new EFSClient(server.config());
    const { AccessPoints } = await efs.send(new DescribeAccessPointsCommand({}));
    expect(AccessPoints?.map((a) => a.Name).sort()).toEqual(["app", "reports"]);
  });

  it("the secret is denied to the root directly and allowed through the endpoint", async () => {
    const direct = new SecretsManagerClient(server.config());
    const refused = await refusal(
      direct.send(new GetSecretValueCommand({ SecretId: "demo/db" })),
      SecretsManagerServiceException,
    );
    expect(refused.name).toBe("AccessDeniedException");
    expect(refused.message).toContain("explicit deny in a resource-based policy");
    const vpce = summary.endpoints[0]?.id;
    const through = new SecretsManagerClient({
      ...server.config(),
      endpoint: `${server.running.endpoint}/_vpce/${vpce}`,
    });
    const value = await through.send(new GetSecretValueCommand({ SecretId: "demo/db" }));
    expect(JSON.parse(value.SecretString ?? "{}").username).toBe("app");
  });

  it("the ECS container credentials endpoint vends the task role", async () => {
    const registered = summary.containerCredentials[0];
    const credentials = await fromHttp({
      awsContainerCredentialsFullUri: `${server.running.endpoint}/v2/credentials/${registered?.id}`,
      awsContainerAuthorizationToken: registered?.authorizationToken ?? "",
      maxRetries: 0,
    })();
    const sts = new STSClient(server.config(credentials));
    expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(
      "arn:aws:sts::000000000000:assumed-role/demo-task/demo-task",
    );
  });
});
