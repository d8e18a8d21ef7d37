/**
 * Test support for running the `accesslab` command as a process (through
 * tsx, from the source): spawn it, collect its output, wait for a line to
 * appear, and kill whatever a test left running.
 */
import { type ChildProcess, spawn } from "node:child_process";

/** A running `accesslab` process. */
export interface CliProcess {
  readonly child: ChildProcess;
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>;
  /** Waits (up to 15 s) until stdout matches, or the process exits; resolves with stdout. */
  waitFor(pattern: RegExp): Promise<string>;
  output(): { stdout: string; stderr: string };
}

const running: ChildProcess[] = [];

/**
 * Spawns `accesslab <args…>` from the source tree.
 *
 * @example
 * const serve = spawnCli(["serve", "--port", "0", "--in-memory"]);
 * await serve.waitFor(/export AWS_ENDPOINT_URL=\S+\n/);
 */
export function spawnCli(args: readonly string[]): CliProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: process.cwd(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const waitFor = async (pattern: RegExp) => {
    for (let i = 0; i < 300 && !pattern.test(stdout) && child.exitCode === null; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    return stdout;
  };
  return { child, exited, waitFor, output: () => ({ stdout, stderr }) };
}

/**
 * Kills every process spawned so far that is still running (for `afterEach`).
 *
 * @example
 * afterEach(killCliProcesses);
 */
export function killCliProcesses(): void {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
}
