/**
 * An `smbd` outlives a `serve` killed with SIGKILL (nothing could stop
 * it); the next `serve` on the same state must still serve the share, not
 * fail to start its own `smbd` forever on the orphan's port and pid file.
 * `serve` runs as a process here, so SIGKILL is real. A serve stopped with
 * two SIGTERMs in a row still stops its smbd. Skipped, with the
 * reason printed, where Samba is not installed.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SmbClient } from "../../src/clients/smb/index.js";
import { isRunning } from "../../src/runtime/process/proc-stat.js";
import { type CliProcess, killCliProcesses, spawnCli } from "../support/cli-process.js";
import {
  AD_PASSWORD,
  AD_USER,
  createWindowsFileSystem,
  fsxNetwork,
  sambaMissing,
} from "./fsx-setup.js";

const missing = sambaMissing();
if (missing) process.stdout.write(`fsx-orphan-smbd: skipped: ${missing}\n`);

mkdirSync(".accesslab", { recursive: true });
const state = mkdtempSync(join(".accesslab", "test-orphan-smbd-"));

async function serve(): Promise<{ process: CliProcess; endpoint: string }> {
  const started = spawnCli(["serve", "--port", "0", "--state", state]);
  const banner = await started.waitFor(/listening on http:\/\/127\.0\.0\.1:\d+\n/);
  return { process: started, endpoint: /listening on (\S+)\n/.exec(banner)?.[1] ?? "" };
}

function settings(endpoint: string) {
  return {
    config: () => ({
      endpoint,
      region: "us-east-1",
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
      maxAttempts: 1,
    }),
  };
}

/** The pid in the file system's smbd pid file (which smbd removes when it stops). */
function pidOf(fileSystemId: string): number | undefined {
  try {
    return Number(
      readFileSync(join(state, "fsx", fileSystemId, "samba", "pid", "smbd.pid"), "utf8"),
    );
  } catch {
    return undefined;
  }
}

async function writeAndList(port: number, name: string): Promise<string[]> {
  const client = await SmbClient.connect({
    host: "127.0.0.1",
    port,
    username: AD_USER,
    password: AD_PASSWORD,
  });
  const share = await client.share("share");
  await share.writeFile(name, "kept\n");
  const names = (await share.readdir("")).map((e) => e.name).sort();
  client.close();
  return names;
}

function portOf(fileSystemId: string): number {
  return Number(readFileSync(join(state, "fsx", fileSystemId, "port"), "utf8"));
}

let fileSystemId = "";

afterAll(() => {
  killCliProcesses();
  // never leave an smbd behind, even when the test failed half-way
  const left = fileSystemId === "" ? undefined : pidOf(fileSystemId);
  if (left !== undefined && isRunning(left)) process.kill(-left, "SIGKILL");
  rmSync(resolve(state), { recursive: true, force: true });
});

describe.skipIf(missing !== undefined)("an smbd left by a killed serve", () => {
  it("is stopped by the next serve, which serves the share again", async () => {
    const first = await serve();
    const fs = await createWindowsFileSystem(
      settings(first.endpoint),
      await fsxNetwork(settings(first.endpoint)),
    );
    const id = fs.FileSystemId ?? "";
    fileSystemId = id;
    let names: string[] = [];
    for (let i = 0; i < 50 && names.length === 0; i++) {
      names = await writeAndList(portOf(id), "before.txt").catch(() => []);
      if (names.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(names).toEqual(["before.txt"]);
    const orphan = pidOf(id) ?? 0;
    first.process.child.kill("SIGKILL");
    await first.process.exited;
    expect(isRunning(orphan)).toBe(true);

    const second = await serve();
    expect(await writeAndList(portOf(id), "after.txt")).toEqual(["after.txt", "before.txt"]);
    expect(pidOf(id)).not.toBe(orphan);
    expect(isRunning(orphan)).toBe(false);
    expect(second.process.output().stderr).toContain(
      `accesslab: stopped smbd ${orphan} of ${resolve(state, "fsx", id)}, left running by an earlier accesslab`,
    );
    const served = pidOf(id) ?? 0;
    // an impatient second signal must not cut the stop short and leave smbd behind
    second.process.child.kill("SIGTERM");
    second.process.child.kill("SIGTERM");
    await second.process.exited;
    expect(isRunning(served)).toBe(false);
  }, 60_000);
});
