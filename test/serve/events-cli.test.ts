/**
 * `accesslab events` as a process over a SQLite state that a running
 * server writes: text and JSON listings of the API calls (a refusal with
 * its error code and the engine's reason) merged by time with EFS
 * connection events, `--limit`, `--follow` printing a call made after it
 * started and stopping on SIGINT with exit 0, and one-line errors with
 * exit code 2 for a missing state or a bad option.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AuditEvent } from "../../src/services/audit/event.js";
import { type ConnectionEvent, connectionStream } from "../../src/services/efs/events.js";
import { openStore } from "../../src/store/open.js";
import { killCliProcesses, spawnCli } from "../support/cli-process.js";
import { startTestServer, type TestServer, trustPolicy } from "./harness.js";

const dir = mkdtempSync(join(tmpdir(), "accesslab-events-"));
const state = join(dir, "state");
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    store: openStore({ kind: "sqlite", path: join(state, "state.db") }),
  });
  const iam = server.iam();
  await iam.send(new CreateUserCommand({ UserName: "eve" }));
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: "eve" }));
  const eve = {
    accessKeyId: AccessKey?.AccessKeyId ?? "",
    secretAccessKey: AccessKey?.SecretAccessKey ?? "",
  };
  await server
    .iam(eve)
    .send(
      new CreateRoleCommand({
        RoleName: "eves-role",
        AssumeRolePolicyDocument: trustPolicy({ Service: "lambda.amazonaws.com" }),
      }),
    )
    .catch(() => undefined);
}, 30_000);
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(killCliProcesses);

function spawnEvents(args: string[]) {
  return spawnCli(["events", ...args]);
}

describe("accesslab events (process)", () => {
  it("lists the trail as text, a refusal with its code and reason", async () => {
    const run = spawnEvents(["--state", state]);
    expect(await run.exited, run.output().stderr).toBe(0);
    const lines = run.output().stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(
      /^\d{4}-\d\d-\d\dT\S+Z {2}iam\.amazonaws\.com {2}CreateUser {2}arn:aws:iam::000000000000:root {2}ok$/,
    );
    const refusal = lines.find((l) => l.includes(" refused "));
    expect(refusal).toMatch(
      /CreateRole {2}arn:aws:iam::000000000000:user\/eve {2}refused AccessDenied: .*iam:CreateRole/,
    );
  });

  it("prints CloudTrail-style JSON lines, EFS connections merged by time, and honours --limit", async () => {
    const connection: ConnectionEvent = {
      eventName: "NewClientConnection",
      eventTime: new Date().toISOString(),
      fileSystemId: "fs-0123456789abcdef0",
      sourceIpAddress: "10.0.1.5",
      userIdentity: { type: "AWSPrincipal", arn: "arn:aws:iam::000000000000:user/eve" },
      errorCode: "AccessDenied",
      serviceEventDetails: {
        permissions: { ClientMount: false, ClientWrite: false, ClientRootAccess: false },
        tls: true,
        iam: true,
      },
    };
    const store = openStore({ kind: "sqlite", path: join(state, "state.db") });
    store.events.append(connectionStream(connection.fileSystemId), connection);
    store.close();

    const run = spawnEvents(["--state", state, "--format", "json"]);
    expect(await run.exited, run.output().stderr).toBe(0);
    const events = run
      .output()
      .stdout.trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as AuditEvent);
    expect(events.map((e) => e.eventName)).toEqual([
      "CreateUser",
      "CreateAccessKey",
      "CreateRole",
      "NewClientConnection",
    ]);
    expect(events[3]).toMatchObject({
      eventSource: "elasticfilesystem.amazonaws.com",
      errorCode: "AccessDenied",
      sourceIPAddress: "10.0.1.5",
      userIdentity: { type: "IAMUser", userName: "eve" },
      serviceEventDetails: { fileSystemId: "fs-0123456789abcdef0", tls: true },
    });
    expect(JSON.stringify(events)).not.toMatch(/SecretAccessKey|secretAccessKey/);

    const limited = spawnEvents(["--state", state, "--format", "json", "--limit", "1"]);
    expect(await limited.exited).toBe(0);
    expect(limited.output().stdout.trimEnd().split("\n")).toHaveLength(1);
    expect(limited.output().stdout).toContain("NewClientConnection");
  });

  it("follows new events until SIGINT", async () => {
    const run = spawnEvents(["--state", state, "--follow", "--since", "2000-01-01T00:00:00Z"]);
    await run.waitFor(/NewClientConnection/);
    await server.sts().send(new GetCallerIdentityCommand({}));
    const out = await run.waitFor(/GetCallerIdentity/);
    expect(out).toMatch(
      /sts\.amazonaws\.com {2}GetCallerIdentity {2}arn:aws:iam::000000000000:root {2}ok\n/,
    );
    run.child.kill("SIGINT");
    expect(await run.exited).toBe(0);
  }, 30_000);

  it("refuses a missing state or a bad option with one line and exit code 2", async () => {
    const missing = spawnEvents(["--state", join(dir, "nowhere")]);
    expect(await missing.exited).toBe(2);
    expect(missing.output().stderr).toMatch(/^accesslab: no accesslab state in `.*nowhere`.*\n$/);
    const badFormat = spawnEvents(["--state", state, "--format", "xml"]);
    expect(await badFormat.exited).toBe(2);
    expect(badFormat.output().stderr).toBe(
      "accesslab: invalid --format `xml`: expected text or json\n",
    );
  });
});
