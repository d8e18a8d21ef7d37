/**
 * ECS task networks (root on Linux with `unshare --net`; skipped elsewhere
 * with the reason printed): each task runs in a private network namespace
 * where, as on Fargate, `169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`
 * returns the task role's credentials document, nothing answers at
 * 169.254.169.254 (the SDK's instance metadata provider fails at once),
 * the host's loopback services are out of reach, and accesslab's API is
 * reachable only through the forwarder at `AWS_ENDPOINT_URL`. The
 * namespace and its forwarder go when the task stops. A runner told not
 * to use namespaces, or whose socket no server listens on, keeps the
 * loopback FULL_URI form, which still works.
 */
import { readdirSync, readlinkSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { resolve } from "node:path";
import { EC2Client } from "@aws-sdk/client-ec2";
import {
  ECSClient,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
} from "@aws-sdk/client-ecs";
import { IAMClient } from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { networkNamespaceSupport } from "../../src/runtime/ecs/netns/support.js";
import { createTaskRunner } from "../../src/runtime/ecs/task-runner.js";
import { startServer } from "../../src/server/create-server.js";
import { createServerEnv } from "../../src/server/env.js";
import { openStore } from "../../src/store/open.js";
import { ROOT, startTestServer, type TestServer } from "../serve/harness.js";
import {
  containerText,
  exampleDefinition,
  runDefinition,
  seedWhoami,
  type Whoami,
  waitForStatus,
} from "./ecs-support.js";

const support = networkNamespaceSupport();
if (!support.ok) console.log(`skipping the ECS task network suite: ${support.reason}`);

/** What the probe container reports, run as uid 1001 inside its task. */
const PROBE = `
const http = require("node:http");
const net = require("node:net");
const os = require("node:os");
const e = process.env;
const get = (url) => new Promise((done) => {
  const t = Date.now();
  const req = http.get(url, { timeout: 5000 }, (res) => {
    let body = "";
    res.setEncoding("utf8");
    res.on("data", (c) => { body += c; });
    res.on("end", () => done({ status: res.statusCode, body }));
  });
  req.on("timeout", () => req.destroy(Object.assign(new Error("timeout"), { code: "TIMEOUT" })));
  req.on("error", (err) => done({ error: err.code, message: err.message, ms: Date.now() - t }));
});
const connect = (port) => new Promise((done) => {
  const s = net.connect(port, "127.0.0.1");
  s.setTimeout(5000, () => { s.destroy(); done({ error: "TIMEOUT" }); });
  s.on("connect", () => { s.destroy(); done({ connected: true }); });
  s.on("error", (err) => done({ error: err.code }));
});
(async () => {
  const out = { uid: process.getuid(), env: Object.keys(e).filter((k) => k.startsWith("AWS_")).sort() };
  out.relative = e.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI;
  out.endpoint = e.AWS_ENDPOINT_URL;
  out.credentials = await get("http://169.254.170.2" + e.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI);
  out.otherPath = await get("http://169.254.170.2/v4/metadata");
  out.imds = await get("http://169.254.169.254/latest/meta-data/iam/security-credentials/");
  out.hostService = await connect(Number(e.HOST_PORT));
  out.apiWithoutToken = await get(e.AWS_ENDPOINT_URL + e.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI);
  out.addresses = Object.values(os.networkInterfaces()).flat().map((a) => a.address).sort();
  const { fromInstanceMetadata } = require("@smithy/credential-provider-imds");
  const t = Date.now();
  try { await fromInstanceMetadata()(); out.sdkImds = "credentials"; }
  catch (err) { out.sdkImds = err.message; out.sdkImdsMs = Date.now() - t; }
  const { STSClient, GetCallerIdentityCommand } = require("@aws-sdk/client-sts");
  out.arn = (await new STSClient({ maxAttempts: 1 }).send(new GetCallerIdentityCommand({}))).Arn;
  console.log(JSON.stringify(out));
})().catch((err) => { console.log(JSON.stringify({ failed: String(err) })); process.exit(1); });
`;

/** The JSON line a container printed (the SDK may warn around it). */
function report(text: string): Record<string, unknown> {
  const line = text.split("\n").find((l) => l.startsWith("{"));
  return JSON.parse(line ?? "{}") as Record<string, unknown>;
}

/** Pids of the processes in the network namespace `link` (`net:[inode]`). */
function inNamespace(link: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readlinkSync(`/proc/${entry}/ns/net`) === link) pids.push(Number(entry));
    } catch {
      // gone, or a kernel thread
    }
  }
  return pids;
}

describe.skipIf(!support.ok)("a task in its private network namespace", () => {
  let server: TestServer;
  let ecs: ECSClient;
  let whoami: Whoami;
  let hostService: Server;
  let hostPort = 0;

  beforeAll(async () => {
    server = await startTestServer();
    ecs = new ECSClient(server.config());
    whoami = await seedWhoami(server.iam(), new EC2Client(server.config()));
    hostService = createServer((socket) => socket.end("host only\n"));
    await new Promise<void>((done) => hostService.listen(0, "127.0.0.1", done));
    hostPort = (hostService.address() as { port: number }).port;
  });
  afterAll(async () => {
    hostService?.close();
    await server?.close();
  });

  it("gets RELATIVE_URI answered at 169.254.170.2, no instance metadata, and the API only through the forwarder", async () => {
    await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: "netns-probe",
        taskRoleArn: whoami.taskRoleArn,
        containerDefinitions: [
          {
            name: "probe",
            image: "node:20-slim",
            user: "1001:1001",
            workingDirectory: resolve("."),
            command: ["node", "-e", PROBE],
            environment: [{ name: "HOST_PORT", value: String(hostPort) }],
          },
        ],
      }),
    );
    const run = await ecs.send(new RunTaskCommand({ taskDefinition: "netns-probe" }));
    const arn = run.tasks?.[0]?.taskArn ?? "";
    const task = await waitForStatus(ecs, arn);
    const text = await containerText(server.running.endpoint, arn, "probe");
    const seen = report(text);
    expect(seen.failed, text).toBeUndefined();
    expect(task.containers?.[0]?.exitCode).toBe(0);
    expect(seen.uid).toBe(1001);
    // exactly what ECS sets: RELATIVE_URI, no FULL_URI, no token, no IMDS override
    expect(seen.env).toEqual([
      "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
      "AWS_DEFAULT_REGION",
      "AWS_ENDPOINT_URL",
      "AWS_EXECUTION_ENV",
      "AWS_REGION",
    ]);
    expect(seen.relative).toMatch(/^\/v2\/credentials\/[0-9a-f-]{36}$/);
    expect(seen.endpoint).toBe(`http://127.0.0.1:${server.running.port}`);
    const credentials = seen.credentials as { status: number; body: string };
    expect(credentials.status).toBe(200);
    const document = JSON.parse(credentials.body) as Record<string, string>;
    expect(document.RoleArn).toBe(whoami.taskRoleArn);
    expect(document.AccessKeyId).toMatch(/^ASIA/);
    expect(typeof document.SecretAccessKey).toBe("string");
    expect(typeof document.Token).toBe("string");
    expect(Number.isNaN(Date.parse(document.Expiration ?? ""))).toBe(false);
    expect(seen.otherPath).toEqual({ status: 404, body: "404 page not found\n" });
    // nothing at 169.254.169.254: no route in the namespace, refused at once
    expect(seen.imds).toMatchObject({ error: "ENETUNREACH" });
    expect((seen.imds as { ms: number }).ms).toBeLessThan(1_000);
    expect(seen.sdkImds).toBe("Unable to connect to instance metadata service");
    expect(seen.sdkImdsMs).toBeLessThan(2_000);
    // the host's loopback is not the task's loopback
    expect(seen.hostService).toEqual({ error: "ECONNREFUSED" });
    expect(seen.addresses).toEqual(["127.0.0.1", "169.254.170.2", "::1"]);
    // the token is added at 169.254.170.2 only, as the agent vouches for its own task
    expect(seen.apiWithoutToken).toMatchObject({ status: 401 });
    const taskId = arn.split("/").at(-1);
    expect(seen.arn).toBe(`arn:aws:sts::000000000000:assumed-role/whoami-task/${taskId}`);
  });

  it("gives each task its own namespace, gone with its forwarder when the task stops", async () => {
    await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: "netns-sleeper",
        taskRoleArn: whoami.taskRoleArn,
        containerDefinitions: [{ name: "main", image: "busybox", command: ["sleep", "30"] }],
      }),
    );
    const run = await ecs.send(new RunTaskCommand({ taskDefinition: "netns-sleeper", count: 2 }));
    const arns = (run.tasks ?? []).map((t) => t.taskArn ?? "");
    const links = [];
    for (const arn of arns) {
      const running = await waitForStatus(ecs, arn, "RUNNING");
      links.push(readlinkSync(`/proc/${running.containers?.[0]?.runtimeId}/ns/net`));
    }
    expect(new Set([...links, readlinkSync("/proc/self/ns/net")]).size).toBe(3);
    // the container and its task's forwarder
    for (const link of links) expect(inNamespace(link).length).toBe(2);
    for (const arn of arns) await ecs.send(new StopTaskCommand({ task: arn }));
    for (const arn of arns) await waitForStatus(ecs, arn);
    for (let i = 0; i < 40 && links.some((l) => inNamespace(l).length > 0); i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(links.map(inNamespace)).toEqual([[], []]);
  });
});

describe.skipIf(!support.ok)("the loopback form as root", () => {
  it.each([
    ["told not to use namespaces", false],
    ["whose socket no server listens on", true],
  ])(
    "a runner %s keeps FULL_URI with its token, and the SDK still gets the task role",
    async (_, namespaces) => {
      const store = openStore({ kind: "memory" });
      let endpoint = "";
      const taskRunner = createTaskRunner({
        endpoint: () => endpoint,
        networkNamespaces: namespaces,
      });
      expect(taskRunner.apiSocket === undefined).toBe(!namespaces);
      const env = createServerEnv({ store, log: () => undefined, taskRunner });
      const running = await startServer(env, { host: "127.0.0.1", port: 0 });
      endpoint = running.endpoint;
      try {
        const config = { endpoint, region: "us-east-1", credentials: ROOT, maxAttempts: 1 };
        const ecs = new ECSClient(config);
        const whoami = await seedWhoami(new IAMClient(config), new EC2Client(config));
        const arn = await runDefinition(ecs, exampleDefinition("direct.json"), whoami.subnetId);
        const task = await waitForStatus(ecs, arn);
        const text = await containerText(endpoint, arn, "app");
        expect(text).toContain(`uid 1001: arn:aws:sts::000000000000:assumed-role/whoami-task/`);
        expect(task.containers?.[0]?.exitCode).toBe(0);
        const dump =
          "const fs = require('node:fs'); console.log(JSON.stringify({ ns: fs.readlinkSync('/proc/self/ns/net'), env: Object.keys(process.env).filter((k) => k.startsWith('AWS_')).sort() }))";
        await ecs.send(
          new RegisterTaskDefinitionCommand({
            family: `loopback-env-${namespaces}`,
            taskRoleArn: whoami.taskRoleArn,
            containerDefinitions: [{ name: "main", image: "x", command: ["node", "-e", dump] }],
          }),
        );
        const dumped = await ecs.send(
          new RunTaskCommand({ taskDefinition: `loopback-env-${namespaces}` }),
        );
        const dumpArn = dumped.tasks?.[0]?.taskArn ?? "";
        await waitForStatus(ecs, dumpArn);
        const seen = report(await containerText(endpoint, dumpArn, "main"));
        expect(seen.ns).toBe(readlinkSync("/proc/self/ns/net"));
        expect(seen.env).toEqual([
          "AWS_CONTAINER_AUTHORIZATION_TOKEN",
          "AWS_CONTAINER_CREDENTIALS_FULL_URI",
          "AWS_DEFAULT_REGION",
          "AWS_EC2_METADATA_SERVICE_ENDPOINT",
          "AWS_ENDPOINT_URL",
          "AWS_EXECUTION_ENV",
          "AWS_REGION",
        ]);
      } finally {
        await running.close();
        await taskRunner.close();
        store.close();
      }
    },
  );
});
