/**
 * Running one Node.js child process and measuring it: wall time from spawn
 * to exit, as the parent sees it, and the child's own peak resident set
 * size and CPU time. The child is started with `--import` of a tiny inline
 * module that, on exit, writes `process.resourceUsage()` (`maxRSS` in KiB,
 * user and system CPU in µs) to a file the parent names. This measures the
 * Node process itself, the same way for accesslab and for cfn-lint, on any
 * platform Node runs on, where `/usr/bin/time -f %M` is GNU-only and
 * would measure through an extra process. CPU time is reported too because
 * wall time on a shared machine moves with other load; CPU time barely does.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** What one run cost. */
export interface Measurement {
  readonly wallMs: number;
  /** User plus system CPU time of the child, in milliseconds. */
  readonly cpuMs: number;
  /** The child's peak resident set size, in KiB. */
  readonly maxRssKb: number;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

const USAGE_ENV = "ACCESSLAB_BENCH_USAGE_FILE";

const USAGE_PROBE = `data:text/javascript,${encodeURIComponent(
  `import { writeFileSync } from "node:fs";
process.on("exit", () => {
  const u = process.resourceUsage();
  writeFileSync(process.env.${USAGE_ENV}, JSON.stringify({ maxRSS: u.maxRSS, cpu: u.userCPUTime + u.systemCPUTime }));
});`,
)}`;

/**
 * Runs `node <args…>` in `cwd` and measures it; the exit code is returned, not judged.
 *
 * @example
 * const m = await measureNode(["dist/cli/main.js", "check", "big.yaml"], process.cwd());
 * m.wallMs; m.maxRssKb;
 */
export async function measureNode(args: readonly string[], cwd: string): Promise<Measurement> {
  const dir = mkdtempSync(join(tmpdir(), "accesslab-bench-usage-"));
  const usageFile = join(dir, "usage.json");
  try {
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", USAGE_PROBE, ...args], {
      cwd,
      env: { ...process.env, [USAGE_ENV]: usageFile, NO_COLOR: "1", FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    const exitCode = await new Promise<number>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (code) => resolve(code ?? -1));
    });
    const wallMs = performance.now() - started;
    const usage = readUsage(usageFile);
    return {
      wallMs,
      cpuMs: usage.cpu / 1000,
      maxRssKb: usage.maxRSS,
      exitCode,
      stdout: Buffer.concat(stdout).toString("utf8"),
      stderr: Buffer.concat(stderr).toString("utf8"),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readUsage(file: string): { maxRSS: number; cpu: number } {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as { maxRSS: number; cpu: number };
  } catch {
    return { maxRSS: Number.NaN, cpu: Number.NaN };
  }
}

/**
 * Measures a sequence of runs as one: wall and CPU time add up, peak memory
 * is the largest peak; `each` is called with every run's measurement.
 *
 * @example
 * const all = await measureSequence(files.map((f) => [lint, "validate", f]), cwd, (m) => verdicts.push(m.stdout));
 */
export async function measureSequence(
  runs: readonly (readonly string[])[],
  cwd: string,
  each: (m: Measurement) => void,
): Promise<Omit<Measurement, "stdout" | "stderr" | "exitCode">> {
  const started = performance.now();
  let cpuMs = 0;
  let maxRssKb = 0;
  for (const args of runs) {
    const m = await measureNode(args, cwd);
    cpuMs += m.cpuMs;
    maxRssKb = Math.max(maxRssKb, m.maxRssKb);
    each(m);
  }
  return { wallMs: performance.now() - started, cpuMs, maxRssKb };
}
