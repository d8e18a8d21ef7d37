/**
 * `accesslab deploy` as a process: into a fresh in-memory emulator (exit 0
 * on CREATE_COMPLETE, 1 on ROLLBACK_COMPLETE with Lambda's message for a
 * role Lambda cannot assume, 2 with `file:line:col` for a template that
 * cannot be read), and into a running `accesslab serve` through a service
 * role created there with the real IAM client, progress lines printed as
 * the events come; a role CloudFormation cannot assume is exit 2.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { killCliProcesses, spawnCli } from "../support/cli-process.js";

afterEach(killCliProcesses);

const LAMBDA_MESSAGE = "The role defined for the function cannot be assumed by Lambda.";
let dir: string;

const template = (service: string) => `
Resources:
  FnRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - { Effect: Allow, Principal: { Service: ${service} }, Action: sts:AssumeRole }
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetAtt FnRole.Arn
      Runtime: nodejs20.x
      Handler: index.handler
      Code: { ZipFile: "exports.handler = async () => 1;" }
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "accesslab-deploy-"));
  writeFileSync(join(dir, "app.yaml"), template("lambda.amazonaws.com"));
  writeFileSync(join(dir, "wrong-trust.yaml"), template("cloudformation.amazonaws.com"));
  writeFileSync(join(dir, "broken.yaml"), "Resources:\n  Fn:\n    Type: !Reff x\n");
});

async function run(args: string[]) {
  const cli = spawnCli(["deploy", ...args]);
  const code = await cli.exited;
  return { code, ...cli.output() };
}

describe("accesslab deploy (process)", () => {
  it("creates a stack in memory and exits 0", async () => {
    const r = await run([join(dir, "app.yaml"), "--in-memory"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/CREATE_COMPLETE +AWS::Lambda::Function +Fn/);
    expect(r.stdout).toContain("stack `app` created");
  });

  it("exits 1 on a rollback, naming the failed resource and Lambda's reason", async () => {
    const r = await run([join(dir, "wrong-trust.yaml"), "--in-memory", "--stack-name", "svc"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ROLLBACK_COMPLETE +AWS::CloudFormation::Stack +svc/);
    expect(r.stdout).toContain(`stack \`svc\` rolled back: \`Fn\` (AWS::Lambda::Function) failed:`);
    expect(r.stdout).toContain(LAMBDA_MESSAGE);
  });

  it("exits 2 with the position of a template it cannot read", async () => {
    const r = await run([join(dir, "broken.yaml"), "--in-memory"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, "broken.yaml")}:3:11: unknown tag \`!Reff\``);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("deploys into a running server through a service role", async () => {
    const serve = spawnCli(["serve", "--port", "0", "--in-memory"]);
    const banner = await serve.waitFor(/export AWS_ENDPOINT_URL=\S+\n/);
    const endpoint = /export AWS_ENDPOINT_URL=(\S+)\n/.exec(banner)?.[1] ?? "";
    const iam = new IAMClient({
      endpoint,
      region: "us-east-1",
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
    });
    const role = await iam.send(
      new CreateRoleCommand({
        RoleName: "deploy",
        AssumeRolePolicyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Principal: { Service: "cloudformation.amazonaws.com" },
              Action: "sts:AssumeRole",
            },
          ],
        }),
      }),
    );
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: "deploy",
        PolicyName: "all",
        PolicyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
        }),
      }),
    );
    const roleArn = role.Role?.Arn ?? "";
    const ok = await run([join(dir, "app.yaml"), "--endpoint", endpoint, "--role-arn", roleArn]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(
      /CREATE_IN_PROGRESS +AWS::CloudFormation::Stack +app +User Initiated/,
    );
    expect(ok.stdout).toContain("stack `app` created");

    const again = await run([join(dir, "app.yaml"), "--endpoint", endpoint, "--role-arn", roleArn]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe("stack `app` is up to date: nothing to change\n");

    const changed = await run([
      join(dir, "wrong-trust.yaml"),
      "--endpoint",
      endpoint,
      "--stack-name",
      "app",
      "--role-arn",
      roleArn,
    ]);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toMatch(/UPDATE_IN_PROGRESS +AWS::CloudFormation::Stack +app/);
    expect(changed.stdout).not.toMatch(/CREATE_IN_PROGRESS +AWS::CloudFormation::Stack/);
    expect(changed.stdout).toMatch(/UPDATE_ROLLBACK_COMPLETE +AWS::CloudFormation::Stack +app/);
    expect(changed.stdout).toContain(LAMBDA_MESSAGE);

    const bad = await run([
      join(dir, "app.yaml"),
      "--endpoint",
      endpoint,
      "--stack-name",
      "other",
      "--role-arn",
      "arn:aws:iam::000000000000:role/nobody",
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      "CreateStack refused: ValidationError: Role arn:aws:iam::000000000000:role/nobody is invalid or cannot be assumed",
    );
  });

  it("deploys the Serverless seed templates: Lambda refuses the deployment role", async () => {
    const seed = await run(["examples/templates/serverless-deployment-role.yaml", "--in-memory"]);
    expect(seed.code).toBe(1);
    expect(seed.stdout).toContain(
      "`CustomDashresourceDashexistingDashs3LambdaFunction` (AWS::Lambda::Function) failed:",
    );
    expect(seed.stdout).toContain(LAMBDA_MESSAGE);
    const clean = await run([
      "examples/templates/serverless-deployment-role-clean.yaml",
      "--in-memory",
    ]);
    expect(clean.code, clean.stdout).toBe(0);
  });

  it("exits 2 when no server answers", async () => {
    const r = await run([join(dir, "app.yaml"), "--endpoint", "http://127.0.0.1:1"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cannot reach `http://127.0.0.1:1`");
  });
});
