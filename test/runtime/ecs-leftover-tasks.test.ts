/**
 * ECS tasks outlive neither their `serve` nor its state: `serve` runs as
 * a process here, so SIGKILL and SIGTERM are real. After a SIGKILL the
 * containers' processes keep running (nothing could stop them) and the
 * state still says RUNNING; the next `serve` on the same state kills
 * those process groups, having recognised them as the tasks', and
 * records the tasks STOPPED because their host went away, as real SDK
 * clients then read back. A graceful stop records the same before the
 * store closes. Whatever a failing test leaves running is killed after.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { EC2Client } from "@aws-sdk/client-ec2";
import {
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  type Task,
} from "@aws-sdk/client-ecs";
import { IAMClient } from "@aws-sdk/client-iam";
import { afterAll, describe, expect, it } from "vitest";
import { isRunning } from "../../src/runtime/process/proc-stat.js";
import { HOST_GONE_REASON, HOST_GONE_STOP_CODE } from "../../src/services/ecs/assumptions.js";
import { ROOT } from "../serve/harness.js";
import { type CliProcess, killCliProcesses, spawnCli } from "../support/cli-process.js";
import { seedWhoami, waitForStatus } from "./ecs-support.js";

const missing = existsSync("/proc/self/environ") ? undefined : "no /proc on this host";
if (missing) process.stdout.write(`ecs-leftover-tasks: skipped: ${missing}\n`);

mkdirSync(".accesslab", { recursive: true });
const state = mkdtempSync(join(".accesslab", "test-leftover-tasks-"));
/** Every container pid seen, killed after the tests if still running. */
const seen: number[] = [];
/** The runners' scratch and socket directories (a killed serve cannot remove its own). */
const scratch = new Set<string>();

async function serve(): Promise<{ process: CliProcess; ecs: ECSClient; endpoint: string }> {
  const started = spawnCli(["serve", "--port", "0", "--state", state]);
  const banner = await started.waitFor(/listening on http:\/\/127\.0\.0\.1:\d+\n/);
  const endpoint = /listening on (\S+)\n/.exec(banner)?.[1] ?? "";
  if (endpoint === "") throw new Error(`serve did not start: ${started.output().stderr}`);
  return { process: started, ecs: new ECSClient(config(endpoint)), endpoint };
}

function config(endpoint: string) {
  return { endpoint, region: "us-east-1", credentials: ROOT, maxAttempts: 1 };
}

async function until(check: () => boolean, ms = 5_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return check();
}

/** Runs a `sleep 300` task of `family` and returns it RUNNING, its container pid noted. */
async function sleeper(ecs: ECSClient, family: string, taskRoleArn?: string): Promise<Task> {
  await ecs.send(
    new RegisterTaskDefinitionCommand({
      family,
      ...(taskRoleArn ? { taskRoleArn } : {}),
      containerDefinitions: [{ name: "main", image: "busybox", command: ["sleep", "300"] }],
    }),
  );
  const run = await ecs.send(new RunTaskCommand({ taskDefinition: family }));
  const task = await waitForStatus(ecs, run.tasks?.[0]?.taskArn ?? "", "RUNNING");
  const pid = Number(task.containers?.[0]?.runtimeId);
  if (pid > 0) seen.push(pid);
  // the container's working directory is <scratch root>/<task id>/<container>
  const root = dirname(dirname(readlinkSync(`/proc/${pid}/cwd`)));
  if (basename(root).startsWith("accesslab-ecs-")) scratch.add(root);
  expect(task.lastStatus).toBe("RUNNING");
  expect(isRunning(pid)).toBe(true);
  return task;
}

/**
 * The task runner's socket directories a serve process listens in (found
 * through its socket inodes in `/proc/net/unix`), which a killed serve
 * cannot remove.
 */
function socketDirsOf(pid: number): string[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    const target = (() => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        return "";
      }
    })();
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode !== undefined) inodes.add(inode);
  }
  return readFileSync("/proc/net/unix", "utf8")
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => inodes.has(fields[6] ?? "") && /accesslab-ecs-net-/.test(fields[7] ?? ""))
    .map((fields) => dirname(fields[7] ?? ""));
}

async function describeOne(ecs: ECSClient, taskArn: string): Promise<Task | undefined> {
  return (await ecs.send(new DescribeTasksCommand({ tasks: [taskArn] }))).tasks?.[0];
}

afterAll(() => {
  killCliProcesses();
  // never leave a container behind, even when a test failed half-way
  for (const pid of seen) if (isRunning(pid)) process.kill(-pid, "SIGKILL");
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  rmSync(resolve(state), { recursive: true, force: true });
});

describe.skipIf(missing !== undefined)("ECS tasks left by a serve", () => {
  it("are ended by the next serve after a SIGKILL: containers killed, tasks STOPPED", async () => {
    const first = await serve();
    const { taskRoleArn } = await seedWhoami(
      new IAMClient(config(first.endpoint)),
      new EC2Client(config(first.endpoint)),
    );
    const withRole = await sleeper(first.ecs, "leftover-role", taskRoleArn);
    const plain = await sleeper(first.ecs, "leftover-plain");
    const pids = [withRole, plain].map((t) => Number(t.containers?.[0]?.runtimeId));

    for (const dir of socketDirsOf(first.process.child.pid ?? 0)) scratch.add(dir);
    first.process.child.kill("SIGKILL");
    await first.process.exited;
    await new Promise((r) => setTimeout(r, 300));
    // today's fact the fix builds on: nothing stopped the containers
    expect(pids.map((pid) => isRunning(pid))).toEqual([true, true]);

    const second = await serve();
    expect(await until(() => pids.every((pid) => !isRunning(pid)))).toBe(true);
    for (const [i, task] of [withRole, plain].entries()) {
      const after = await describeOne(second.ecs, task.taskArn ?? "");
      expect(after).toMatchObject({
        lastStatus: "STOPPED",
        desiredStatus: "STOPPED",
        stopCode: HOST_GONE_STOP_CODE,
        stoppedReason: HOST_GONE_REASON,
      });
      expect(after?.stoppedAt).toBeInstanceOf(Date);
      expect(after?.stoppingAt).toBeInstanceOf(Date);
      expect(after?.containers?.[0]?.lastStatus).toBe("STOPPED");
      expect(after?.containers?.[0]?.exitCode).toBeUndefined();
      expect(after?.containers?.[0]?.runtimeId).toBeUndefined();
      expect(second.process.output().stderr).toContain(
        `accesslab: stopped process group ${pids[i]} of container \`main\` of task ${task.taskArn}, left running by an earlier accesslab`,
      );
    }
    const listed = await second.ecs.send(new ListTasksCommand({ desiredStatus: "RUNNING" }));
    expect(listed.taskArns).toEqual([]);
    const stopped = await second.ecs.send(new ListTasksCommand({ desiredStatus: "STOPPED" }));
    expect(stopped.taskArns).toEqual(expect.arrayContaining([withRole.taskArn, plain.taskArn]));
    second.process.child.kill("SIGTERM");
    expect(await second.process.exited).toBe(0);
  }, 60_000);

  it("are recorded STOPPED by a graceful stop, before the store closes", async () => {
    const second = await serve();
    const graceful = await sleeper(second.ecs, "graceful");
    const pid = Number(graceful.containers?.[0]?.runtimeId);
    second.process.child.kill("SIGTERM");
    expect(await second.process.exited).toBe(0);
    expect(isRunning(pid)).toBe(false);

    const third = await serve();
    const after = await describeOne(third.ecs, graceful.taskArn ?? "");
    expect(after).toMatchObject({
      lastStatus: "STOPPED",
      desiredStatus: "STOPPED",
      stopCode: HOST_GONE_STOP_CODE,
      stoppedReason: HOST_GONE_REASON,
    });
    // the runner killed it (SIGKILL, Docker's 137) and saw it exit
    expect(after?.containers?.[0]).toMatchObject({ lastStatus: "STOPPED", exitCode: 137 });
    expect(third.process.output().stderr).not.toContain("stopped process group");
    third.process.child.kill("SIGTERM");
    await third.process.exited;
  }, 60_000);
});
