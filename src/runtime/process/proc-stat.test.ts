import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isRunning, procArguments, procStat, runningGroupMembers } from "./proc-stat.js";

const fake = mkdtempSync(join(tmpdir(), "accesslab-proc-"));
afterAll(() => rmSync(fake, { recursive: true, force: true }));

function fakeProcess(pid: number, stat: string): void {
  mkdirSync(join(fake, String(pid)), { recursive: true });
  writeFileSync(join(fake, String(pid), "stat"), stat);
}

describe("proc-stat", () => {
  it("reads state and group after the command name, spaces and parentheses included", () => {
    fakeProcess(10, "10 (a (b) c) S 1 77 77 0");
    fakeProcess(11, "11 (sh) Z 1 77 77 0");
    fakeProcess(12, "12 (sh) R 1 78 78 0");
    expect(procStat(10, fake)).toEqual({ state: "S", pgrp: 77 });
    expect([isRunning(10, fake), isRunning(11, fake), isRunning(13, fake)]).toEqual([
      true,
      false,
      false,
    ]);
    expect(runningGroupMembers(77, fake)).toEqual([10]);
  });

  it.skipIf(process.platform !== "linux")(
    "sees a real detached child lead its own group",
    async () => {
      const child = spawn("sleep", ["30"], { detached: true, stdio: "ignore" });
      const pid = child.pid ?? 0;
      expect(isRunning(pid)).toBe(true);
      expect(runningGroupMembers(pid)).toEqual([pid]);
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGKILL");
      await exited;
      expect(isRunning(pid)).toBe(false);
    },
  );
});

describe("procArguments", () => {
  it.skipIf(process.platform !== "linux")(
    "reads a process's arguments, and nothing for one not listed",
    () => {
      const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)", "marker"], {
        stdio: "ignore",
      });
      try {
        expect(procArguments(child.pid ?? 0)?.slice(1)).toEqual([
          "-e",
          "setTimeout(() => {}, 30000)",
          "marker",
        ]);
      } finally {
        child.kill("SIGKILL");
      }
      expect(procArguments(999999999)).toBeUndefined();
    },
  );
});
