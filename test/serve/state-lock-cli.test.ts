/**
 * One `serve` per state directory, as processes: a second serve on a
 * state a live serve holds exits 2 naming it, without touching its work;
 * once the first stops, the directory is free again.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { killCliProcesses, spawnCli } from "../support/cli-process.js";

mkdirSync(".accesslab", { recursive: true });
const state = mkdtempSync(join(".accesslab", "test-state-lock-"));
afterAll(() => {
  killCliProcesses();
  rmSync(state, { recursive: true, force: true });
});

describe("accesslab serve on a state another serve holds", () => {
  it("refuses with exit 2 naming the holder, and starts once it has stopped", async () => {
    const first = spawnCli(["serve", "--port", "0", "--state", state]);
    await first.waitFor(/listening on http:\/\/127\.0\.0\.1:\d+\n/);
    const second = spawnCli(["serve", "--port", "0", "--state", state]);
    expect(await second.exited).toBe(2);
    expect(second.output().stderr).toContain(
      `state directory \`${state}\` is in use by another accesslab serve (pid ${first.child.pid}): stop it, or give this one another --state`,
    );
    expect(first.child.exitCode).toBeNull();
    first.child.kill("SIGTERM");
    await first.exited;
    expect(existsSync(join(state, "serve.lock"))).toBe(false);
    const third = spawnCli(["serve", "--port", "0", "--state", state]);
    expect(await third.waitFor(/listening on/)).toContain("listening on");
    third.child.kill("SIGTERM");
    await third.exited;
  }, 60_000);
});
