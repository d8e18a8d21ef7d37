import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LOCK_FILE, lockStateDirectory } from "./state-lock.js";

const root = mkdtempSync(join(tmpdir(), "accesslab-lock-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("lockStateDirectory", () => {
  it("takes a free directory, writes its pid, and gives it back", () => {
    const dir = join(root, "free");
    const lock = lockStateDirectory(dir);
    expect(readFileSync(join(dir, LOCK_FILE), "utf8")).toBe(`${process.pid}\n`);
    lock.release();
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it("takes over the lock of a serve that is gone", () => {
    const dir = join(root, "stale");
    lockStateDirectory(dir); // never released, as after SIGKILL ...
    writeFileSync(join(dir, LOCK_FILE), "999999999\n"); // ... by a process that no longer runs
    const lock = lockStateDirectory(dir);
    expect(readFileSync(join(dir, LOCK_FILE), "utf8")).toBe(`${process.pid}\n`);
    lock.release();
  });

  it("refuses a directory a live serve holds, and ignores a live process that is not a serve", async () => {
    const dir = join(root, "held");
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)", "serve"], {
      stdio: "ignore",
    });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, LOCK_FILE), `${child.pid}\n`);
    expect(() => lockStateDirectory(dir)).toThrow(
      `state directory \`${dir}\` is in use by another accesslab serve (pid ${child.pid})`,
    );
    child.kill("SIGKILL");
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"], {
      stdio: "ignore",
    });
    writeFileSync(join(dir, LOCK_FILE), `${other.pid}\n`); // a reused pid: not a serve
    const lock = lockStateDirectory(dir);
    lock.release();
    other.kill("SIGKILL");
  });
});
