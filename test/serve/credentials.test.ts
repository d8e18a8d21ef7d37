/**
 * The workload credentials endpoints through the server with the real SDK
 * providers: `fromHttp` and `fromContainerMetadata` against the ECS
 * container credentials endpoint (FULL_URI with an authorization token),
 * `fromInstanceMetadata` against IMDSv2, each followed by GetCallerIdentity
 * with the vended credentials; refusals (unknown id, missing or wrong
 * token, trust refusal, IMDS without a token, bad TTLs); and the
 * `accesslab credentials` command registering into a SQLite state that a
 * running server, and a server started later, both serve.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateRoleCommand } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { fromHttp } from "@aws-sdk/credential-provider-http";
import { fromContainerMetadata, fromInstanceMetadata } from "@smithy/credential-provider-imds";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerContainerCredentials } from "../../src/services/credentials/container-registrations.js";
import type { CredentialsContext } from "../../src/services/credentials/context.js";
import {
  clearInstanceProfile,
  setInstanceProfile,
} from "../../src/services/credentials/instance-profile.js";
import { openStore } from "../../src/store/open.js";
import type { Store } from "../../src/store/port.js";
import { startTestServer, type TestCredentials, type TestServer, trustPolicy } from "./harness.js";

const ACCOUNT = "000000000000";
const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

function contextOver(store: Store): CredentialsContext {
  return {
    store,
    clock: Date.now,
    random: (n) => new Uint8Array(randomBytes(n)),
    account: ACCOUNT,
    region: "us-east-1",
  };
}

async function createRoles(server: TestServer): Promise<void> {
  const iam = server.iam();
  for (const [name, service] of [
    ["task", "ecs-tasks.amazonaws.com"],
    ["web", "ec2.amazonaws.com"],
    ["fn", "lambda.amazonaws.com"],
  ] as const) {
    await iam.send(
      new CreateRoleCommand({
        RoleName: name,
        AssumeRolePolicyDocument: trustPolicy({ Service: service }),
      }),
    );
  }
}

async function callerArn(server: TestServer, credentials: TestCredentials): Promise<string> {
  const sts = new STSClient(server.config(credentials));
  return (await sts.send(new GetCallerIdentityCommand({}))).Arn ?? "";
}

/** Runs `work` with environment variables set, restoring them afterwards. */
async function withEnv<T>(vars: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await work();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

describe("serve: ECS container credentials", () => {
  let server: TestServer;
  let ctx: CredentialsContext;
  beforeAll(async () => {
    const store = openStore({ kind: "memory" });
    server = await startTestServer({ store });
    ctx = contextOver(store);
    await createRoles(server);
  });
  afterAll(() => server.close());

  const fullUri = (id: string) => `${server.running.endpoint}/v2/credentials/${id}`;

  it("fromHttp obtains the task role's session credentials, which STS recognises", async () => {
    const r = registerContainerCredentials(ctx, { roleArn: roleArn("task"), taskId: "task1" });
    const credentials = await fromHttp({
      awsContainerCredentialsFullUri: fullUri(r.id),
      awsContainerAuthorizationToken: r.authorizationToken ?? "",
      maxRetries: 0,
    })();
    expect(credentials.accessKeyId).toMatch(/^ASIA/);
    // 6 h (aws-facts D1), although the role's MaxSessionDuration is 1 h.
    const left = (credentials.expiration?.getTime() ?? 0) - Date.now();
    expect(left).toBeGreaterThan(6 * 3600_000 - 60_000);
    expect(left).toBeLessThanOrEqual(6 * 3600_000);
    const again = await fromHttp({
      awsContainerCredentialsFullUri: fullUri(r.id),
      awsContainerAuthorizationToken: r.authorizationToken ?? "",
      maxRetries: 0,
    })();
    expect(again.accessKeyId).toBe(credentials.accessKeyId);
    expect(await callerArn(server, credentials)).toBe(
      `arn:aws:sts::${ACCOUNT}:assumed-role/task/task1`,
    );
  });

  it("fromContainerMetadata obtains them through the FULL_URI and token variables", async () => {
    const r = registerContainerCredentials(ctx, { roleArn: roleArn("task"), taskId: "task2" });
    const credentials = await withEnv(
      {
        AWS_CONTAINER_CREDENTIALS_FULL_URI: fullUri(r.id),
        AWS_CONTAINER_AUTHORIZATION_TOKEN: r.authorizationToken ?? "",
      },
      () => fromContainerMetadata()(),
    );
    expect(await callerArn(server, credentials)).toBe(
      `arn:aws:sts::${ACCOUNT}:assumed-role/task/task2`,
    );
  });

  it("answers the document with RoleArn and an RFC 3339 Expiration", async () => {
    const r = registerContainerCredentials(ctx, { roleArn: roleArn("task"), requireToken: false });
    const response = await fetch(fullUri(r.id));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    const body = (await response.json()) as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual([
      "AccessKeyId",
      "Expiration",
      "RoleArn",
      "SecretAccessKey",
      "Token",
    ]);
    expect(body.RoleArn).toBe(roleArn("task"));
    expect(body.Expiration).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it("refuses a missing or wrong authorization token with 401", async () => {
    const r = registerContainerCredentials(ctx, { roleArn: roleArn("task") });
    for (const headers of [{}, { Authorization: "wrong" }]) {
      const response = await fetch(fullUri(r.id), { headers });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ Code: "Unauthorized" });
    }
    const error = await rejection(
      fromHttp({
        awsContainerCredentialsFullUri: fullUri(r.id),
        awsContainerAuthorizationToken: "wrong",
        maxRetries: 0,
      })(),
    );
    expect(error.message).toContain("401");
  });

  it("refuses an unknown id with 400 InvalidIdInRequest", async () => {
    const response = await fetch(fullUri("00000000-0000-4000-8000-000000000000"));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      Code: "InvalidIdInRequest",
      Message: "CredentialsV2Request: Credentials not found",
    });
    const error = await rejection(
      fromHttp({ awsContainerCredentialsFullUri: fullUri("nope"), maxRetries: 0 })(),
    );
    expect(error.message).toContain("400");
  });

  it("refuses a task role that does not trust ecs-tasks.amazonaws.com", async () => {
    const r = registerContainerCredentials(ctx, { roleArn: roleArn("fn"), requireToken: false });
    const response = await fetch(fullUri(r.id));
    expect(response.status).toBe(403);
    const body = (await response.json()) as { Code: string; Message: string };
    expect(body.Code).toBe("AccessDenied");
    expect(body.Message).toContain(roleArn("fn"));
    expect(body.Message).toContain("ecs-tasks.amazonaws.com");
  });

  it("never writes credentials or tokens to the log", () => {
    expect(server.logged).toEqual([]);
  });
});

describe("serve: EC2 instance metadata (IMDSv2)", () => {
  let server: TestServer;
  let ctx: CredentialsContext;
  let base: string;
  beforeAll(async () => {
    const store = openStore({ kind: "memory" });
    server = await startTestServer({ store });
    ctx = contextOver(store);
    base = server.running.endpoint;
    await createRoles(server);
  });
  afterAll(() => server.close());

  const token = async (ttl = "21600") => {
    const response = await fetch(`${base}/latest/api/token`, {
      method: "PUT",
      headers: { "x-aws-ec2-metadata-token-ttl-seconds": ttl },
    });
    return { status: response.status, text: await response.text(), headers: response.headers };
  };
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/latest/meta-data/${path}`, { headers });

  it("answers 404 on the role listing of an instance without a profile", async () => {
    clearInstanceProfile(ctx);
    const { text } = await token();
    const response = await get("iam/security-credentials/", { "x-aws-ec2-metadata-token": text });
    expect(response.status).toBe(404);
  });

  it("fromInstanceMetadata obtains the instance role's credentials, which STS recognises", async () => {
    const profile = setInstanceProfile(ctx, { roleArn: roleArn("web") });
    const credentials = await withEnv({ AWS_EC2_METADATA_SERVICE_ENDPOINT: base }, () =>
      fromInstanceMetadata()(),
    );
    expect(await callerArn(server, credentials)).toBe(
      `arn:aws:sts::${ACCOUNT}:assumed-role/web/${profile.instanceId}`,
    );
    const left = (credentials.expiration?.getTime() ?? 0) - Date.now();
    expect(left).toBeGreaterThan(6 * 3600_000 - 60_000);
    const again = await withEnv({ AWS_EC2_METADATA_SERVICE_ENDPOINT: base }, () =>
      fromInstanceMetadata()(),
    );
    expect(again.accessKeyId).toBe(credentials.accessKeyId);
  });

  it("serves the listing, the D9 document and the instance id with a token", async () => {
    const profile = setInstanceProfile(ctx, { roleArn: roleArn("web") });
    const issued = await token("60");
    expect(issued.status).toBe(200);
    expect(issued.headers.get("x-aws-ec2-metadata-token-ttl-seconds")).toBe("60");
    const auth = { "x-aws-ec2-metadata-token": issued.text };
    expect(await (await get("iam/security-credentials/", auth)).text()).toBe("web");
    const document = await (await get("iam/security-credentials/web", auth)).json();
    expect(document).toMatchObject({ Code: "Success", Type: "AWS-HMAC" });
    expect(Object.keys(document as object).sort()).toEqual([
      "AccessKeyId",
      "Code",
      "Expiration",
      "LastUpdated",
      "SecretAccessKey",
      "Token",
      "Type",
    ]);
    expect((await get("iam/security-credentials/other", auth)).status).toBe(404);
    expect(await (await get("instance-id", auth)).text()).toBe(profile.instanceId);
  });

  it("answers 401 without a token or with a forged one (IMDSv1 disabled)", async () => {
    setInstanceProfile(ctx, { roleArn: roleArn("web") });
    expect((await get("iam/security-credentials/")).status).toBe(401);
    const forged = { "x-aws-ec2-metadata-token": "AAAA.BBBB" };
    expect((await get("iam/security-credentials/web", forged)).status).toBe(401);
  });

  it("answers GETs without a token when the profile allows IMDSv1", async () => {
    setInstanceProfile(ctx, { roleArn: roleArn("web"), imdsV1Allowed: true });
    const response = await get("iam/security-credentials/");
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("web");
    setInstanceProfile(ctx, { roleArn: roleArn("web") });
  });

  it("refuses token TTLs outside 1..21600, proxied token requests and other methods", async () => {
    for (const ttl of ["0", "21601", "x"]) expect((await token(ttl)).status).toBe(400);
    const missing = await fetch(`${base}/latest/api/token`, { method: "PUT" });
    expect(missing.status).toBe(400);
    const proxied = await fetch(`${base}/latest/api/token`, {
      method: "PUT",
      headers: { "x-aws-ec2-metadata-token-ttl-seconds": "60", "x-forwarded-for": "10.0.0.1" },
    });
    expect(proxied.status).toBe(403);
    expect((await fetch(`${base}/latest/api/token`)).status).toBe(405);
  });

  it("answers AssumeRoleUnauthorizedAccess for a role that does not trust EC2", async () => {
    setInstanceProfile(ctx, { roleArn: roleArn("task") });
    const auth = { "x-aws-ec2-metadata-token": (await token()).text };
    const document = (await (await get("iam/security-credentials/task", auth)).json()) as {
      Code: string;
      Message: string;
    };
    expect(document.Code).toBe("AssumeRoleUnauthorizedAccess");
    expect(document.Message).toContain("ec2.amazonaws.com");
    const error = await rejection(
      withEnv({ AWS_EC2_METADATA_SERVICE_ENDPOINT: base }, () => fromInstanceMetadata()()),
    );
    expect(error.message).toContain("Invalid response");
  });
});

describe("accesslab credentials (process) over a SQLite state", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "accesslab-creds-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cli = (args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "credentials", ...args], {
      cwd: process.cwd(),
      encoding: "utf8",
    });

  it("registers an id that a running server, and one started later, serve", async () => {
    const first = await startTestServer({
      store: openStore({ kind: "sqlite", path: join(dir, "state.db") }),
    });
    let id = "";
    let authorization = "";
    try {
      await createRoles(first);
      const out = cli([
        "ecs",
        "--role",
        roleArn("task"),
        "--task-id",
        "clitask",
        "--state",
        dir,
        "--endpoint",
        first.running.endpoint,
      ]);
      expect(out.status, out.stderr).toBe(0);
      const uri = /export AWS_CONTAINER_CREDENTIALS_FULL_URI=(\S+)\n/.exec(out.stdout)?.[1] ?? "";
      authorization =
        /export AWS_CONTAINER_AUTHORIZATION_TOKEN=(\S+)\n/.exec(out.stdout)?.[1] ?? "";
      expect(uri).toMatch(new RegExp(`^${first.running.endpoint}/v2/credentials/[0-9a-f-]{36}$`));
      expect(out.stdout).toMatch(/AWS_CONTAINER_CREDENTIALS_RELATIVE_URI=\/v2\/credentials\//);
      id = uri.slice(uri.lastIndexOf("/") + 1);
      const credentials = await fromHttp({
        awsContainerCredentialsFullUri: uri,
        awsContainerAuthorizationToken: authorization,
        maxRetries: 0,
      })();
      expect(await callerArn(first, credentials)).toBe(
        `arn:aws:sts::${ACCOUNT}:assumed-role/task/clitask`,
      );
      const imds = cli(["imds", "--role", roleArn("web"), "--state", dir]);
      expect(imds.status, imds.stderr).toBe(0);
      expect(imds.stdout).toContain(
        "export AWS_EC2_METADATA_SERVICE_ENDPOINT=http://127.0.0.1:4566\n",
      );
    } finally {
      await first.close();
    }
    const second = await startTestServer({
      store: openStore({ kind: "sqlite", path: join(dir, "state.db") }),
    });
    try {
      const credentials = await fromHttp({
        awsContainerCredentialsFullUri: `${second.running.endpoint}/v2/credentials/${id}`,
        awsContainerAuthorizationToken: authorization,
        maxRetries: 0,
      })();
      expect(await callerArn(second, credentials)).toContain("assumed-role/task/clitask");
      const fromImds = await withEnv(
        { AWS_EC2_METADATA_SERVICE_ENDPOINT: second.running.endpoint },
        () => fromInstanceMetadata()(),
      );
      expect(await callerArn(second, fromImds)).toMatch(/assumed-role\/web\/i-[0-9a-f]{17}$/);
    } finally {
      await second.close();
    }
  });

  it("registers an id without a token with --no-token (the state holds the roles by now)", () => {
    const out = cli(["ecs", "--role", roleArn("task"), "--no-token", "--state", dir]);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toContain(
      "export AWS_CONTAINER_CREDENTIALS_FULL_URI=http://127.0.0.1:4566/v2/credentials/",
    );
    expect(out.stdout).not.toContain("AWS_CONTAINER_AUTHORIZATION_TOKEN");
  });

  it("reports a bad or missing role in one line with exit code 2", () => {
    const bad = cli(["ecs", "--role", "not-an-arn", "--state", dir]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      "accesslab: invalid role ARN `not-an-arn`: expected arn:aws:iam::<account>:role/<name>\n",
    );
    const missing = cli(["imds", "--role", roleArn("ghost"), "--state", dir]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`accesslab: role \`${roleArn("ghost")}\` does not exist\n`);
  });
});
