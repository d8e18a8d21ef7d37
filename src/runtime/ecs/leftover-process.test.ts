import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { killGroup } from "../process/kill-group.js";
import { isRunning } from "../process/proc-stat.js";
import { endLeftoverContainer } from "./leftover-process.js";

const linux = existsSync("/proc/self/environ");
if (!linux) process.stdout.write("leftover-process: real-process cases skipped: no /proc here\n");

const taskId = "5e1f00aa11223344556677889900aabb";
const marks = { HOSTNAME: "ip-5e1f00aa", AWS_EXECUTION_ENV: "AWS_ECS_FARGATE" };
const groups: number[] = [];

/** Starts `sh -c script` leading its own process group, as the runner starts a container. */
function container(script: string, env: Record<string, string>): ChildProcess {
  const child = spawn("sh", ["-c", script], {
    detached: true,
    stdio: "ignore",
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", ...env },
  });
  if (child.pid !== undefined) groups.push(child.pid);
  return child;
}

async function until(check: () => boolean): Promise<boolean> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  return check();
}

afterEach(() => {
  for (const pid of groups.splice(0)) killGroup(pid, "SIGKILL");
});

describe.skipIf(!linux)("endLeftoverContainer (real processes)", () => {
  it("kills a process group whose processes carry the task's marks", async () => {
    const child = container("sleep 30", marks);
    const pid = child.pid ?? 0;
    await until(() => readFileSync(`/proc/${pid}/environ`, "utf8").includes("HOSTNAME="));
    expect(endLeftoverContainer({ pid, taskId })).toBe("ended");
    expect(await until(() => !isRunning(pid))).toBe(true);
    const gone = () => endLeftoverContainer({ pid, taskId }, { killGroup: () => undefined });
    expect(await until(() => gone() === "gone")).toBe(true);
  });

  it("finds the group through a marked member once its leader has exited", async () => {
    const dir = mkdtempSync(join(tmpdir(), "accesslab-leftover-"));
    const out = join(dir, "pid");
    const child = container('sleep 30 & echo $! > "$OUT"; exit 0', { ...marks, OUT: out });
    const leader = child.pid ?? 0;
    await new Promise((r) => child.once("exit", r));
    const orphan = Number(readFileSync(out, "utf8"));
    rmSync(dir, { recursive: true, force: true });
    expect(isRunning(orphan)).toBe(true);
    const asked: number[] = [];
    expect(endLeftoverContainer({ pid: leader, taskId }, { killGroup: (g) => asked.push(g) })).toBe(
      "ended",
    );
    expect(asked).toEqual([leader]);
    expect(endLeftoverContainer({ pid: leader, taskId })).toBe("ended");
    expect(await until(() => !isRunning(orphan))).toBe(true);
    const gone = () =>
      endLeftoverContainer({ pid: leader, taskId }, { killGroup: () => undefined });
    expect(await until(() => gone() === "gone")).toBe(true);
  });

  it("leaves alone a group that is not the task's, and a reused pid outside its group", async () => {
    const stranger = container("sleep 30", { HOSTNAME: "ip-5e1f00aa" });
    const pid = stranger.pid ?? 0;
    await until(() => readFileSync(`/proc/${pid}/environ`, "utf8").includes("HOSTNAME="));
    expect(endLeftoverContainer({ pid, taskId })).toBe("foreign");
    expect(endLeftoverContainer({ pid, taskId, credentialsId: "abc" })).toBe("foreign");
    expect(isRunning(pid)).toBe(true);
    // a marked process in the test's own group (not a group leader): no group has its pid
    const inner = spawn("sleep", ["30"], { stdio: "ignore", env: { ...marks } });
    const innerPid = inner.pid ?? 0;
    try {
      expect(endLeftoverContainer({ pid: innerPid, taskId })).toBe("gone");
      expect(isRunning(innerPid)).toBe(true);
    } finally {
      inner.kill("SIGKILL");
    }
  });
});

describe("endLeftoverContainer (a proc tree)", () => {
  const proc = (entries: Record<number, { stat: string; environ: string }>) => {
    const root = mkdtempSync(join(tmpdir(), "accesslab-proc-"));
    mkdirSync(join(root, "self"));
    writeFileSync(join(root, "self", "stat"), "1 (x) S 0 1 1");
    for (const [pid, files] of Object.entries(entries)) {
      mkdirSync(join(root, pid));
      writeFileSync(join(root, pid, "stat"), files.stat);
      writeFileSync(join(root, pid, "environ"), files.environ);
    }
    return root;
  };
  const env = "HOSTNAME=ip-5e1f00aa\0AWS_EXECUTION_ENV=AWS_ECS_FARGATE\0";

  it("reads the group id after a command name with spaces and parentheses, and skips zombies", () => {
    const root = proc({
      700: { stat: "700 (my (odd) app) S 1 700 700 0", environ: env },
      701: { stat: "701 (sleep) Z 700 700 700 0", environ: env },
    });
    const killed: number[] = [];
    try {
      expect(
        endLeftoverContainer(
          { pid: 700, taskId },
          { proc: root, killGroup: (g) => killed.push(g) },
        ),
      ).toBe("ended");
      expect(killed).toEqual([700]);
      expect(
        endLeftoverContainer(
          { pid: 701, taskId },
          { proc: root, killGroup: (g) => killed.push(g) },
        ),
      ).toBe("gone");
      expect(
        endLeftoverContainer(
          { pid: 700, taskId: "ffff" },
          { proc: root, killGroup: (g) => killed.push(g) },
        ),
      ).toBe("foreign");
      expect(killed).toEqual([700]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("cannot verify anything without a proc file system", () => {
    const root = mkdtempSync(join(tmpdir(), "accesslab-noproc-"));
    try {
      expect(
        endLeftoverContainer({ pid: 700, taskId }, { proc: root, killGroup: () => undefined }),
      ).toBe("unverifiable");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
