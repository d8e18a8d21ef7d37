/**
 * Test support for driving the Debian `awscli` package against an
 * in-process accesslab server: finds a working `aws` (the Debian one at
 * `/usr/bin/aws` first), runs it with `--endpoint-url` (Debian's 2.9 predates
 * `AWS_ENDPOINT_URL`) and an isolated configuration, and returns exit code,
 * parsed JSON output and stderr. When no working `aws` exists the suite
 * skips and says why.
 */
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** One CLI run. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout parsed as JSON, when it is JSON. */
  readonly json: unknown;
}

/** Credentials for one CLI run. */
export interface CliCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/**
 * The path of a working AWS CLI, or why there is none.
 *
 * @example
 * const found = findAwsCli(); // { path: "/usr/bin/aws", version: "aws-cli/2.9.19 …" }
 */
export function findAwsCli(): { path: string; version: string } | { missing: string } {
  for (const path of ["/usr/bin/aws", "aws"]) {
    try {
      const version = execFileSync(path, ["--version"], { encoding: "utf8", timeout: 20_000 });
      return { path, version: version.trim() };
    } catch {
      // try the next one
    }
  }
  return { missing: "no working `aws` found (install the Debian `awscli` package: .ci/run does)" };
}

const home = mkdtempSync(join(tmpdir(), "accesslab-awscli-"));

/**
 * Runs `aws <args…> --endpoint-url <endpoint> --output json`.
 *
 * @example
 * const r = await runAws(cli, endpoint, ["sts", "get-caller-identity"]);
 * (r.json as { Account: string }).Account; // "000000000000"
 */
export function runAws(
  cliPath: string,
  endpoint: string,
  args: readonly string[],
  credentials: CliCredentials = { accessKeyId: "test", secretAccessKey: "test" },
): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    AWS_CONFIG_FILE: join(home, "config"),
    AWS_SHARED_CREDENTIALS_FILE: join(home, "credentials"),
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_PAGER: "",
    AWS_MAX_ATTEMPTS: "1",
    ...(credentials.sessionToken ? { AWS_SESSION_TOKEN: credentials.sessionToken } : {}),
  };
  const argv = [...args, "--endpoint-url", endpoint, "--output", "json"];
  return new Promise((resolve) => {
    execFile(cliPath, argv, { env, encoding: "utf8", timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      let json: unknown;
      try {
        json = stdout.trim() === "" ? undefined : JSON.parse(stdout);
      } catch {
        json = undefined;
      }
      resolve({ code, stdout, stderr, json });
    });
  });
}
