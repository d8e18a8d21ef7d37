/**
 * The Debian AWS CLI's `aws cloudformation deploy` against accesslab:
 * a stack created through a CREATE change set with `--role-arn` of a
 * CloudFormation service role, updated with a changed template and
 * `--parameter-overrides` (an UPDATE change set, the previous parameter
 * values read through GetTemplateSummary), deployed once more unchanged
 * ("No changes to deploy", exit 0, or 255 with `--fail-on-empty-changeset`),
 * and a deploy whose function role Lambda cannot assume, which the CLI
 * reports as failed while `describe-stack-events` carries Lambda's message.
 */
import { CreateRoleCommand, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { describe, expect, it } from "vitest";
import { trustPolicy } from "../serve/harness.js";
import { allow, NO_AWS_CLI, ok, useCliServer } from "./cli-suite.js";

const TEMPLATE = (o: { description: string; fnTrust?: string; secret?: boolean }) => `
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env:
    Type: String
    Default: dev
Resources:
  FnRole:
    Type: AWS::IAM::Role
    Properties:
      Description: !Sub "${o.description}-\${Env}"
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: ${o.fnTrust ?? "lambda.amazonaws.com"} }
            Action: sts:AssumeRole
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetAtt FnRole.Arn
      Runtime: nodejs20.x
      Handler: index.handler
      Code: { ZipFile: "exports.handler = async () => 1;" }
${
  o.secret
    ? `  Secret:
    Type: AWS::SecretsManager::Secret
    Properties: { Name: !Sub "\${AWS::StackName}/db", SecretString: pw }
`
    : ""
}Outputs:
  FnRoleName:
    Value: !Ref FnRole
`;

interface Described {
  Stacks: {
    StackStatus: string;
    RoleARN?: string;
    Parameters?: { ParameterKey: string; ParameterValue: string }[];
  }[];
}

describe.skipIf(NO_AWS_CLI)("aws cli: cloudformation deploy", () => {
  const cli = useCliServer();
  const aws = cli.aws;
  const deployRole = "arn:aws:iam::000000000000:role/cfn-deploy";
  const deploy = (stack: string, file: string, ...extra: string[]) =>
    aws([
      "cloudformation",
      "deploy",
      "--template-file",
      file,
      "--stack-name",
      stack,
      "--role-arn",
      deployRole,
      "--capabilities",
      "CAPABILITY_IAM",
      ...extra,
    ]);
  const describeStack = async (stack: string) =>
    ok<Described>(await aws(["cloudformation", "describe-stacks", "--stack-name", stack]))
      .Stacks[0];
  const setUp = async () => {
    const iam = cli.server().iam();
    await iam.send(
      new CreateRoleCommand({
        RoleName: "cfn-deploy",
        AssumeRolePolicyDocument: trustPolicy({ Service: "cloudformation.amazonaws.com" }),
      }),
    );
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: "cfn-deploy",
        PolicyName: "all",
        PolicyDocument: allow("*"),
      }),
    );
  };

  it("creates, updates, and finds nothing to deploy the third time", async () => {
    await setUp();
    const v1 = cli.file("v1.yaml", TEMPLATE({ description: "v1" }));
    const created = await deploy("cli-app", v1);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain("Successfully created/updated stack - cli-app");
    const first = await describeStack("cli-app");
    expect([first?.StackStatus, first?.RoleARN]).toEqual(["CREATE_COMPLETE", deployRole]);

    const v2 = cli.file("v2.yaml", TEMPLATE({ description: "v2", secret: true }));
    const updated = await deploy("cli-app", v2, "--parameter-overrides", "Env=prod");
    expect(updated.code, updated.stderr).toBe(0);
    expect(updated.stdout).toContain("Successfully created/updated stack - cli-app");
    const second = await describeStack("cli-app");
    expect(second?.StackStatus).toBe("UPDATE_COMPLETE");
    expect(second?.Parameters).toEqual([{ ParameterKey: "Env", ParameterValue: "prod" }]);
    const resources = ok<{ StackResources: { LogicalResourceId: string }[] }>(
      await aws(["cloudformation", "describe-stack-resources", "--stack-name", "cli-app"]),
    );
    expect(resources.StackResources.map((r) => r.LogicalResourceId).sort()).toEqual([
      "Fn",
      "FnRole",
      "Secret",
    ]);

    // The same template again (Env keeps its previous value): nothing to deploy.
    // The CLI names its change sets after the current second (and keeps a
    // FAILED one), so the second run starts in a later second than the first.
    const same = await deploy("cli-app", v2);
    await new Promise((done) => setTimeout(done, 1050 - (Date.now() % 1000)));
    const strict = await deploy("cli-app", v2, "--fail-on-empty-changeset");
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toContain("No changes to deploy. Stack cli-app is up to date");
    expect(strict.code, strict.stderr).toBe(255);
    expect(strict.stderr).toContain("No changes to deploy. Stack cli-app is up to date");
    expect((await describeStack("cli-app"))?.StackStatus).toBe("UPDATE_COMPLETE");
  });

  it("reports a failed deploy, with Lambda's message in the stack events", async () => {
    const bad = cli.file(
      "bad.yaml",
      TEMPLATE({ description: "v1", fnTrust: "ecs-tasks.amazonaws.com" }),
    );
    const failed = await deploy("cli-bad", bad);
    expect(failed.code).not.toBe(0);
    expect(failed.stderr).toContain("Failed to create/update the stack");
    expect((await describeStack("cli-bad"))?.StackStatus).toBe("ROLLBACK_COMPLETE");
    const events = ok<{
      StackEvents: {
        LogicalResourceId: string;
        ResourceStatus: string;
        ResourceStatusReason?: string;
      }[];
    }>(await aws(["cloudformation", "describe-stack-events", "--stack-name", "cli-bad"]));
    const fn = events.StackEvents.find((e) => e.ResourceStatus === "CREATE_FAILED");
    expect(fn?.LogicalResourceId).toBe("Fn");
    expect(fn?.ResourceStatusReason).toContain(
      "The role defined for the function cannot be assumed by Lambda.",
    );
  });
});
