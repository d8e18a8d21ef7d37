/**
 * `accesslab invoke` as a user runs it: a spawned `accesslab serve`, a
 * function created with the real SDK, then the CLI prints the payload (exit
 * 0), the log tail with `--log`, exits 1 when the function fails and 2 with
 * Lambda's code and message when the call is refused.
 */
import { CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { CreateFunctionCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zipPackage } from "../../src/runtime/lambda/zip-package.test-support.js";
import { trustPolicy } from "../serve/harness.js";
import { type CliProcess, killCliProcesses, spawnCli } from "../support/cli-process.js";

let serve: CliProcess;
let endpoint: string;

beforeAll(async () => {
  serve = spawnCli(["serve", "--port", "0", "--in-memory"]);
  const out = await serve.waitFor(/export AWS_ENDPOINT_URL=\S+\n/);
  endpoint = /export AWS_ENDPOINT_URL=(\S+)\n/.exec(out)?.[1] ?? "";
  const config = {
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  };
  const role = await new IAMClient(config).send(
    new CreateRoleCommand({
      RoleName: "cli-fn",
      AssumeRolePolicyDocument: trustPolicy({ Service: "lambda.amazonaws.com" }),
    }),
  );
  const lambda = new LambdaClient(config);
  for (const [name, source] of [
    [
      "greet",
      "exports.handler = async (e) => { console.log('greeting', e.who); return { hello: e.who }; };",
    ],
    ["fail", "exports.handler = async () => { throw new RangeError('out of range'); };"],
  ] as const)
    await lambda.send(
      new CreateFunctionCommand({
        FunctionName: name,
        Role: role.Role?.Arn,
        Runtime: "nodejs20.x",
        Handler: "index.handler",
        Code: { ZipFile: zipPackage({ "index.js": source }) },
      }),
    );
});
afterAll(async () => {
  // SIGTERM lets serve stop its instances and remove the unpacked code
  serve.child.kill("SIGTERM");
  await serve.exited;
  killCliProcesses();
});

async function run(args: string[]) {
  const cli = spawnCli(["invoke", ...args, "--endpoint", endpoint]);
  const code = await cli.exited;
  return { code, ...cli.output() };
}

describe("accesslab invoke", () => {
  it("prints the payload and, with --log, the log tail", async () => {
    const result = await run(["greet", "--payload", '{"who":"lab"}', "--log"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ hello: "lab" });
    expect(result.stderr).toMatch(/START RequestId: \S+ Version: \$LATEST\n/);
    expect(result.stderr).toContain("\tINFO\tgreeting lab\n");
    expect(result.stderr).toMatch(/REPORT RequestId: /);
  });

  it("exits 1 and prints the error document when the function fails", async () => {
    const result = await run(["fail"]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      errorType: "RangeError",
      errorMessage: "out of range",
    });
  });

  it("exits 2 with Lambda's code and message for an unknown function or a bad payload", async () => {
    const missing = await run(["nope"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      "accesslab: Invoke refused: ResourceNotFoundException: Function not found: arn:aws:lambda:us-east-1:000000000000:function:nope\n",
    );
    const bad = await run(["greet", "--payload", "{nope"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^accesslab: --payload is not valid JSON: /);
  });
});
