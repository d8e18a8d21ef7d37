/**
 * Test support for checking real generator output: run a generator (the
 * Serverless Framework's `serverless package`, a CDK app) as a process in a
 * scratch directory with a clean environment (no AWS credentials, no
 * telemetry), run `accesslab check --format json` on what it wrote, and
 * locate a finding's position in the generated template, so tests can
 * require it to fall inside the resource the finding names.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnCli } from "../support/cli-process.js";

/** One finding of the JSON report, as far as these tests look at it. */
export interface ReportedFinding {
  readonly ruleId: string;
  readonly logicalId: string;
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly title: string;
}

/** The parts of `accesslab check --format json` these tests read. */
export interface CheckRun {
  readonly code: number | null;
  readonly stderr: string;
  readonly findings: readonly ReportedFinding[];
  readonly diagnostics: readonly { severity: string; code: string; message: string }[];
  readonly files: readonly { file: string; resources: number }[];
}

/**
 * A fresh scratch directory under the system's temporary directory.
 *
 * @example
 * const root = scratchDirectory("accesslab-sls-");
 */
export function scratchDirectory(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Copies the example directory `from` to `to` (which must not exist yet).
 *
 * @example
 * copyExample("examples/serverless", join(root, "service"));
 */
export function copyExample(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
}

/**
 * The current environment without AWS credentials, profiles or CDK context
 * from the developer's shell, with `home` as HOME and `extra` added.
 *
 * @example
 * const env = cleanEnvironment(root, { SLS_TELEMETRY_DISABLED: "1" });
 */
export function cleanEnvironment(
  home: string,
  extra: Readonly<Record<string, string>>,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (!/^(AWS_|CDK_)/.test(key) && value !== undefined) env[key] = value;
  return { ...env, HOME: home, ...extra };
}

/**
 * Runs `node <args…>` in `cwd` with `env`; rejects with the output when it
 * exits with a status other than 0.
 *
 * @example
 * await runNode(["node_modules/serverless/bin/serverless.js", "package"], { cwd, env });
 */
export function runNode(
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`\`node ${args.join(" ")}\` exited with ${code}:\n${output}`)),
    );
  });
}

/**
 * Runs `accesslab check <path> --format json` (from the source, as the
 * other CLI tests do) and parses its report.
 *
 * @example
 * const { findings } = await checkJson(join(root, "service"));
 */
export async function checkJson(path: string): Promise<CheckRun> {
  const cli = spawnCli(["check", path, "--format", "json"]);
  const code = await cli.exited;
  const { stdout, stderr } = cli.output();
  let report: Omit<CheckRun, "code" | "stderr">;
  try {
    report = JSON.parse(stdout) as Omit<CheckRun, "code" | "stderr">;
  } catch {
    throw new Error(`\`accesslab check ${path}\` did not print a JSON report:\n${stdout}${stderr}`);
  }
  return {
    code,
    stderr,
    findings: report.findings,
    diagnostics: report.diagnostics,
    files: report.files,
  };
}

/**
 * The findings as sorted `ruleId on logicalId` strings, for exact comparison.
 *
 * @example
 * findingKeys(run.findings); // ["efs-anonymous-mount-allowed on Reports65402A0A"]
 */
export function findingKeys(findings: readonly ReportedFinding[]): string[] {
  return findings.map((f) => `${f.ruleId} on ${f.logicalId}`).sort();
}

/**
 * The logical id of the resource whose block in the JSON template text
 * holds line `line` (1-based), judged by where each resource's key
 * (`"LogicalId": {`) starts; `undefined` before the first resource.
 *
 * @example
 * resourceAtLine(readFileSync(file, "utf8"), 135); // "Reports65402A0A"
 */
export function resourceAtLine(text: string, line: number): string | undefined {
  const template = JSON.parse(text) as { Resources?: Record<string, unknown> };
  const lines = text.split("\n");
  let found: { logicalId: string; start: number } | undefined;
  for (const logicalId of Object.keys(template.Resources ?? {})) {
    const key = `"${logicalId}": {`;
    const start = lines.findIndex((l) => l.trim() === key) + 1;
    if (start > 0 && start <= line && (found === undefined || start > found.start))
      found = { logicalId, start };
  }
  return found?.logicalId;
}

/**
 * Logical ids of the template's resources of type `type`.
 *
 * @example
 * resourcesOfType(readFileSync(file, "utf8"), "AWS::EFS::FileSystem"); // ["Reports65402A0A"]
 */
export function resourcesOfType(text: string, type: string): string[] {
  const template = JSON.parse(text) as { Resources?: Record<string, { Type?: string }> };
  return Object.entries(template.Resources ?? {})
    .filter(([, resource]) => resource.Type === type)
    .map(([logicalId]) => logicalId);
}

/**
 * The text of a generated file.
 *
 * @example
 * const text = readGenerated(join(service, ".serverless", "cloudformation-template-update-stack.json"));
 */
export function readGenerated(file: string): string {
  return readFileSync(file, "utf8");
}
