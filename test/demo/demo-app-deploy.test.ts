/**
 * The demo's application stack end to end, as a new user runs it: `serve
 * --demo` as a process, then `accesslab deploy examples/demo/app.yaml`
 * twice through the real CLI with the demo's `demo-deployer` service role.
 * The first creates the execution role and a function in the demo's
 * subnets mounting the /app access point (read back with the real Lambda
 * client); the second gives the function the deployer role itself, which
 * Lambda refuses with its own message: the stack rolls back, no function
 * is left behind and the exit code is 1. Before any deploy, the demo's own
 * `demo-app` (deployed at load) is invoked: it writes through the /app
 * access point and reads the secret, which only the VPC endpoint path
 * allows (the same read from outside is refused).
 */
import {
  CloudFormationClient,
  DescribeStacksCommand,
  ListExportsCommand,
} from "@aws-sdk/client-cloudformation";
import {
  GetFunctionConfigurationCommand,
  InvokeCommand,
  LambdaClient,
  ListFunctionsCommand,
} from "@aws-sdk/client-lambda";
import {
  GetSecretValueCommand,
  SecretsManagerClient,
  SecretsManagerServiceException,
} from "@aws-sdk/client-secrets-manager";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliProcess, killCliProcesses, spawnCli } from "../support/cli-process.js";

const DEPLOYER = "arn:aws:iam::000000000000:role/demo-deployer";
const LAMBDA_MESSAGE = "The role defined for the function cannot be assumed by Lambda.";
const ROOT = { accessKeyId: "test", secretAccessKey: "test" };

let serve: CliProcess;
let endpoint: string;
let cfn: CloudFormationClient;
let lambda: LambdaClient;

beforeAll(async () => {
  serve = spawnCli(["serve", "--demo", "--port", "0", "--in-memory"]);
  const banner = await serve.waitFor(/listening on http:\/\/127\.0\.0\.1:\d+\n[\s\S]*try:/);
  endpoint = /listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(banner)?.[1] ?? "";
  const config = { endpoint, region: "us-east-1", credentials: ROOT, maxAttempts: 1 };
  cfn = new CloudFormationClient(config);
  lambda = new LambdaClient(config);
});
afterAll(killCliProcesses);

async function deploy(args: string[]) {
  const cli = spawnCli(["deploy", "examples/demo/app.yaml", "--endpoint", endpoint, ...args]);
  const code = await cli.exited;
  return { code, ...cli.output() };
}

describe("accesslab deploy of the demo app into serve --demo (processes)", () => {
  it("invokes the demo's demo-app at once: EFS through /app, the secret through the endpoint", async () => {
    const out = await lambda.send(new InvokeCommand({ FunctionName: "demo-app" }));
    expect(out.FunctionError).toBeUndefined();
    const result = JSON.parse(Buffer.from(out.Payload ?? new Uint8Array()).toString()) as {
      wrote: string;
      readBack: string;
      secretKeys: string[];
    };
    expect(result.wrote).toMatch(/^\/mnt\/app\/hello-\d+\.txt$/);
    expect(result.readBack).toBe("written by the accesslab demo function\n");
    expect(result.secretKeys.length).toBeGreaterThan(0);
    const outside = new SecretsManagerClient({
      endpoint,
      region: "us-east-1",
      credentials: ROOT,
      maxAttempts: 1,
    });
    const refused = await outside
      .send(new GetSecretValueCommand({ SecretId: "demo/db" }))
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SecretsManagerServiceException);
    expect((refused as Error).name).toBe("AccessDeniedException");
  });

  it("serves the demo's exports", async () => {
    expect(endpoint, serve.output().stderr).not.toBe("");
    expect(serve.output().stdout).toContain(
      `npx accesslab deploy examples/demo/app.yaml --role-arn ${DEPLOYER} --endpoint ${endpoint}`,
    );
    const listed = await cfn.send(new ListExportsCommand({}));
    const names = (listed.Exports ?? []).map((e) => e.Name);
    expect(names).toContain("accesslab-demo-AppAccessPointArn");
    expect(names).toContain("accesslab-demo-SubnetA");
  });

  it("creates the function through the deployer role, mounting /app in the demo's subnets", async () => {
    const ok = await deploy(["--role-arn", DEPLOYER]);
    expect(ok.code, `${ok.stdout}\n${ok.stderr}`).toBe(0);
    expect(ok.stdout).toMatch(/CREATE_COMPLETE +AWS::IAM::Role +ExecutionRole/);
    expect(ok.stdout).toMatch(/CREATE_COMPLETE +AWS::Lambda::Function +Function/);
    expect(ok.stdout).toContain("stack `app` created");

    const exports = new Map(
      ((await cfn.send(new ListExportsCommand({}))).Exports ?? []).map((e) => [e.Name, e.Value]),
    );
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: "app" }))).Stacks?.[0];
    expect(stack?.RoleARN).toBe(DEPLOYER);
    const name = stack?.Outputs?.find((o) => o.OutputKey === "FunctionName")?.OutputValue;
    const roleArn = stack?.Outputs?.find((o) => o.OutputKey === "ExecutionRoleArn")?.OutputValue;
    const fn = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }));
    expect(fn.Role).toBe(roleArn);
    expect(fn.Role).toMatch(/^arn:aws:iam::000000000000:role\/app-ExecutionRole-/);
    expect(fn.FileSystemConfigs).toEqual([
      { Arn: exports.get("accesslab-demo-AppAccessPointArn"), LocalMountPath: "/mnt/app" },
    ]);
    expect(fn.VpcConfig?.SubnetIds).toEqual([
      exports.get("accesslab-demo-SubnetA"),
      exports.get("accesslab-demo-SubnetB"),
    ]);
    expect(fn.VpcConfig?.SecurityGroupIds).toEqual([
      exports.get("accesslab-demo-FunctionSecurityGroup"),
    ]);
    expect(fn.Environment?.Variables).toEqual({ SECRET_ID: "demo/db" });
  });

  it("fails with Lambda's message and rolls back when the function gets the deployer role", async () => {
    const before = (await lambda.send(new ListFunctionsCommand({}))).Functions ?? [];
    const bad = await deploy([
      "--stack-name",
      "demo-app-deployer-role",
      "--role-arn",
      DEPLOYER,
      "--parameter",
      `ExecutionRoleArn=${DEPLOYER}`,
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/CREATE_FAILED +AWS::Lambda::Function +Function +.*/);
    expect(bad.stdout).toContain(LAMBDA_MESSAGE);
    expect(bad.stdout).toMatch(
      /ROLLBACK_COMPLETE +AWS::CloudFormation::Stack +demo-app-deployer-role/,
    );
    expect(bad.stdout).not.toMatch(/CREATE_COMPLETE +AWS::IAM::Role/);
    const stack = (
      await cfn.send(new DescribeStacksCommand({ StackName: "demo-app-deployer-role" }))
    ).Stacks?.[0];
    expect(stack?.StackStatus).toBe("ROLLBACK_COMPLETE");
    const after = (await lambda.send(new ListFunctionsCommand({}))).Functions ?? [];
    expect(after.map((f) => f.FunctionName)).toEqual(before.map((f) => f.FunctionName));
  });
});
