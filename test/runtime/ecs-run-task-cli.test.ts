/**
 * `accesslab run-task` against `accesslab serve`, both as processes: a
 * task definition file is registered (once while unchanged) and run, the
 * container's output is streamed on stdout and its exit code becomes the
 * command's; a registered `family:revision` runs as is; a task ECS cannot
 * start prints ECS's reason and exits 1; unusable input is a one-line
 * error with exit code 2.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EC2Client } from "@aws-sdk/client-ec2";
import {
  ECSClient,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
} from "@aws-sdk/client-ecs";
import { IAMClient } from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../serve/harness.js";
import { type CliProcess, killCliProcesses, spawnCli } from "../support/cli-process.js";
import { seedWhoami, stopServe, TASKS_DIR, type Whoami } from "./ecs-support.js";

let serve: CliProcess;
let endpoint = "";
let whoami: Whoami;
let ecs: ECSClient;
let dir = "";

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "accesslab-run-task-"));
  serve = spawnCli(["serve", "--port", "0", "--in-memory"]);
  const out = await serve.waitFor(/export AWS_ENDPOINT_URL=\S+\n/);
  endpoint = /export AWS_ENDPOINT_URL=(\S+)/.exec(out)?.[1] ?? "";
  const config = { endpoint, region: "us-east-1", credentials: ROOT, maxAttempts: 1 };
  whoami = await seedWhoami(new IAMClient(config), new EC2Client(config));
  ecs = new ECSClient(config);
});
afterAll(async () => {
  await stopServe(serve);
  killCliProcesses();
  rmSync(dir, { recursive: true, force: true });
});

async function runTask(args: string[]) {
  const cli = spawnCli(["run-task", ...args, "--endpoint", endpoint]);
  const code = await cli.exited;
  return { code, ...cli.output() };
}

describe("accesslab run-task", () => {
  it("registers the example file, runs it and prints the task role's identity", async () => {
    const file = join(TASKS_DIR, "direct.json");
    const first = await runTask([file, "--subnet", whoami.subnetId]);
    expect(first.stdout).toMatch(
      /arn:aws:sts::000000000000:assumed-role\/whoami-task\/[0-9a-f]{32}/,
    );
    expect(first.code).toBe(0);
    await runTask([file, "--subnet", whoami.subnetId]);
    const listed = await ecs.send(
      new ListTaskDefinitionsCommand({ familyPrefix: "whoami-direct" }),
    );
    expect(listed.taskDefinitionArns).toHaveLength(1);
  });

  it("streams the output and exits with the container's exit code", async () => {
    const file = join(dir, "exit7.json");
    writeFileSync(
      file,
      JSON.stringify({
        family: "exit7",
        containerDefinitions: [
          {
            name: "main",
            image: "busybox",
            command: ["sh", "-c", "echo one; echo two >&2; exit 7"],
          },
        ],
      }),
    );
    const { code, stdout } = await runTask([file]);
    expect(stdout).toContain("one\n");
    expect(stdout).toContain("two\n");
    expect(code).toBe(7);
  });

  it("prints ECS's reason when the task cannot start", async () => {
    await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: "untrusted",
        taskRoleArn: whoami.lambdaOnlyRoleArn,
        containerDefinitions: [{ name: "main", image: "busybox", command: ["true"] }],
      }),
    );
    const { code, stderr } = await runTask(["untrusted:1"]);
    expect(stderr).toContain(`ECS was unable to assume the role '${whoami.lambdaOnlyRoleArn}'`);
    expect(code).toBe(1);
    const missing = await runTask([join(dir, "missing-command.json")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("missing-command.json");
  });

  it("reports a command that cannot start and bad input as one line", async () => {
    const file = join(dir, "nothing.json");
    writeFileSync(
      file,
      JSON.stringify({
        family: "nothing",
        containerDefinitions: [
          { name: "main", image: "busybox", command: ["no-such-program-here"] },
        ],
      }),
    );
    const { code, stderr } = await runTask([file]);
    expect(stderr).toContain(
      'CannotStartContainerError: exec: "no-such-program-here": executable file not found in $PATH',
    );
    expect(code).toBe(1);
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{ not json");
    const refused = await runTask([bad]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^accesslab: `.*bad\.json` is not valid JSON: /);
    expect(refused.stderr).not.toContain("    at ");
  });
});
