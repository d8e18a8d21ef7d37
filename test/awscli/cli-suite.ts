/**
 * Test support shared by the AWS CLI suites: one in-process server per
 * suite (`useCliServer` registers its start and stop hooks), an `aws`
 * runner bound to it (optionally through another endpoint URL such as
 * `<server>/_vpce/<id>`), scratch files for `file://` and `fileb://`
 * arguments, and the assertion for the CLI's AWS error line
 * `An error occurred (<Code>) when calling the <Op> operation: <message>`.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  PutUserPolicyCommand,
} from "@aws-sdk/client-iam";
import { afterAll, beforeAll, expect } from "vitest";
import { startTestServer, type TestServer } from "../serve/harness.js";
import { type CliCredentials, type CliResult, findAwsCli, runAws } from "./aws-cli.js";

/** The CLI the suites drive, or why there is none. */
export const AWS_CLI = findAwsCli();
/** True when no working `aws` exists: suites `describe.skipIf(NO_AWS_CLI)`. */
export const NO_AWS_CLI = "missing" in AWS_CLI;
if ("missing" in AWS_CLI) console.log(`skipping the AWS CLI suite: ${AWS_CLI.missing}`);

/** A suite's server and the CLI bound to it. */
export interface CliServer {
  /** The running server (valid inside tests). */
  readonly server: () => TestServer;
  /** Runs `aws <args…>` against the server, or against `endpoint` when given. */
  aws(args: readonly string[], credentials?: CliCredentials, endpoint?: string): Promise<CliResult>;
  /** Writes a scratch file and returns its path (prefix it with `file://` or `fileb://`). */
  file(name: string, content: string | Buffer): string;
}

/**
 * Starts a server before the suite's tests and stops it after them.
 *
 * @example
 * const cli = useCliServer();
 * it("…", async () => expect((await cli.aws(["sts", "get-caller-identity"])).code).toBe(0));
 */
export function useCliServer(): CliServer {
  let server: TestServer | undefined;
  const dir = mkdtempSync(join(tmpdir(), "accesslab-awscli-files-"));
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());
  const running = (): TestServer => {
    if (server === undefined) throw new Error("the test server is not running");
    return server;
  };
  return {
    server: running,
    aws: (args, credentials, endpoint) =>
      runAws(
        "path" in AWS_CLI ? AWS_CLI.path : "aws",
        endpoint ?? running().running.endpoint,
        args,
        credentials,
      ),
    file: (name, content) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
  };
}

/**
 * Asserts a CLI run failed with AWS's error `code` for `operation` (exit
 * 254, the CLI's service-error status) and returns its message. With
 * `AWS_MAX_ATTEMPTS=1` (aws-cli.ts) botocore's standard retry mode marks
 * every error "max attempts reached", so the CLI inserts
 * ` (reached max retries: 0)` before the colon; that marker is accepted.
 *
 * @example
 * expectAwsError(r, "NoSuchEntity", "GetRole"); // "The role with name nope cannot be found."
 */
export function expectAwsError(result: CliResult, code: string, operation: string): string {
  expect(result.code, result.stderr).toBe(254);
  const line = result.stderr
    .split("\n")
    .map((l) => errorLine.exec(l))
    .find((m) => m !== null);
  expect(line?.slice(1, 3), result.stderr).toEqual([code, operation]);
  return line?.[3] ?? "";
}

const errorLine =
  /^An error occurred \(([^)]+)\) when calling the (\w+) operation(?: \(reached max retries: \d+\))?: (.*)$/;

/**
 * Asserts a CLI run succeeded and returns its parsed JSON output.
 *
 * @example
 * const out = ok<{ Account: string }>(await cli.aws(["sts", "get-caller-identity"]));
 */
export function ok<T = Record<string, unknown>>(result: CliResult): T {
  expect(result.code, result.stderr).toBe(0);
  return result.json as T;
}

/**
 * Access keys for a new IAM user `name` with the inline policy `policy`.
 * Made with the in-process SDK client, not the CLI: the user is set-up for
 * another service's refusal, and each CLI run costs half a second.
 *
 * @example
 * const dev = await userWithPolicy(cli, "dev", allow("secretsmanager:DescribeSecret"));
 */
export async function userWithPolicy(
  cli: CliServer,
  name: string,
  policy: string,
): Promise<CliCredentials> {
  const iam = cli.server().iam();
  await iam.send(new CreateUserCommand({ UserName: name }));
  await iam.send(
    new PutUserPolicyCommand({ UserName: name, PolicyName: "limited", PolicyDocument: policy }),
  );
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey;
  return { accessKeyId: key?.AccessKeyId ?? "", secretAccessKey: key?.SecretAccessKey ?? "" };
}

/**
 * An identity policy allowing `actions` on every resource.
 *
 * @example
 * allow("secretsmanager:DescribeSecret"); // '{"Version":"2012-10-17","Statement":[…]}'
 */
export function allow(...actions: string[]): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: actions, Resource: "*" }],
  });
}
