/**
 * `serve` may stop while a deployment's background `smbd` start is still
 * on its way (looking for an orphan, a port, waiting for it to listen):
 * no `smbd` may outlive the supervisor's close, whichever step the start
 * had reached, and a start asked after close starts nothing. Real Samba;
 * skipped, with the reason printed, where it is not installed.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createSmbSupervisor } from "../../src/runtime/fsx/smb-supervisor.js";
import { isRunning } from "../../src/runtime/process/proc-stat.js";
import { AD_PASSWORD, AD_USER, sambaMissing } from "./fsx-setup.js";

const missing = sambaMissing();
if (missing) process.stdout.write(`fsx-supervisor-close: skipped: ${missing}\n`);

const root = mkdtempSync(join(tmpdir(), "accesslab-smb-close-"));
afterAll(() => {
  // a failing run must not leave its smbds behind either
  for (const pid of processesUnder(root)) process.kill(pid, "SIGKILL");
  rmSync(root, { recursive: true, force: true });
});

/** The pids of processes whose command line names a file under `dir`. */
function processesUnder(dir: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (!isRunning(Number(name))) continue;
      if (readFileSync(`/proc/${name}/cmdline`, "utf8").includes(dir)) found.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

const spec = (n: number) => ({
  fileSystemId: `fs-000000000000c00${n}`,
  userName: AD_USER,
  encryption: "off" as const,
});

describe.skipIf(missing !== undefined)("closing the SMB supervisor", () => {
  it("leaves no smbd behind when it closes during a start, at any step", async () => {
    for (const delayMs of [0, 5, 20, 60, 150]) {
      const dir = join(root, `delay-${delayMs}`);
      const smb = createSmbSupervisor({ root: dir, log: () => {} });
      const starting = smb.start(spec(1), AD_PASSWORD);
      await new Promise((r) => setTimeout(r, delayMs));
      await smb.close();
      await starting;
      await new Promise((r) => setTimeout(r, 100));
      expect({ delayMs, left: processesUnder(dir) }).toEqual({ delayMs, left: [] });
    }
  }, 60_000);

  it("starts nothing once closed", async () => {
    const dir = join(root, "after-close");
    const smb = createSmbSupervisor({ root: dir, log: () => {} });
    await smb.close();
    await smb.start(spec(2), AD_PASSWORD);
    expect(processesUnder(dir)).toEqual([]);
    expect(smb.address(spec(2).fileSystemId)).toMatchObject({ ok: false });
  });
});
