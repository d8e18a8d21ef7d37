/**
 * `accesslab deploy` of a SAM template whose function's `CodeUri` is a
 * local directory, as a user runs it: serve as a process, the real CLI,
 * then Invoke through the real SDK runs the directory's handler (an ES
 * module importing a file next to it); a second deploy after editing the
 * code sends the new package although the stack itself has nothing to
 * change.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliProcess, killCliProcesses, spawnCli } from "../support/cli-process.js";

const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
  Greeter:
    Type: AWS::Serverless::Function
    Properties:
      FunctionName: greeter
      CodeUri: src/
      Handler: app.handler
      Runtime: nodejs22.x
`;

let serve: CliProcess;
let endpoint: string;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "accesslab-sam-local-"));
  mkdirSync(join(dir, "src"));
  writeFileSync(join(dir, "template.yaml"), TEMPLATE);
  writeFileSync(join(dir, "src", "package.json"), '{"type": "module"}');
  writeFileSync(join(dir, "src", "greeting.js"), 'export const greeting = "hello";\n');
  writeFileSync(
    join(dir, "src", "app.js"),
    'import { greeting } from "./greeting.js";\nexport const handler = async (e) => `${greeting} ${e.name}`;\n',
  );
  serve = spawnCli(["serve", "--port", "0", "--in-memory"]);
  const banner = await serve.waitFor(/export AWS_ENDPOINT_URL=\S+\n/);
  endpoint = /export AWS_ENDPOINT_URL=(\S+)\n/.exec(banner)?.[1] ?? "";
});
afterAll(killCliProcesses);

async function greet(name: string): Promise<unknown> {
  const lambda = new LambdaClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
  });
  const out = await lambda.send(
    new InvokeCommand({ FunctionName: "greeter", Payload: JSON.stringify({ name }) }),
  );
  expect(out.FunctionError).toBeUndefined();
  return JSON.parse(Buffer.from(out.Payload ?? new Uint8Array()).toString());
}

async function deploy() {
  const cli = spawnCli(["deploy", join(dir, "template.yaml"), "--endpoint", endpoint]);
  const code = await cli.exited;
  return { code, ...cli.output() };
}

describe("accesslab deploy with a local CodeUri", () => {
  it("packages the directory so Invoke runs it, and sends edits on the next deploy", async () => {
    const first = await deploy();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/uploaded .*src\/? to greeter \(\d+ bytes\)/);
    expect(await greet("sam")).toBe("hello sam");

    writeFileSync(join(dir, "src", "greeting.js"), 'export const greeting = "bonjour";\n');
    const second = await deploy();
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain("is up to date: nothing to change");
    expect(second.stdout).toMatch(/uploaded .* to greeter/);
    expect(await greet("sam")).toBe("bonjour sam");
  });
});
