/**
 * CloudFormation change sets and stack updates through the server with the
 * real `@aws-sdk/client-cloudformation` and its waiters: a CREATE change
 * set (the stack waits in REVIEW_IN_PROGRESS), executed; an UPDATE change
 * set listing Add, Modify and Remove, executed through a service role; a
 * change set without changes (FAILED, with CloudFormation's reason, which
 * the waiter reports); UpdateStack that rolls back with Lambda's message;
 * iam:PassRole asked for a change set's RoleARN; and a change set that
 * survives a restart of the server on the same SQLite file.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type Capability,
  CloudFormationClient,
  CloudFormationServiceException,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  type DescribeChangeSetCommandOutput,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  GetTemplateSummaryCommand,
  ListChangeSetsCommand,
  UpdateStackCommand,
  waitUntilChangeSetCreateComplete,
  waitUntilStackCreateComplete,
  waitUntilStackUpdateComplete,
} from "@aws-sdk/client-cloudformation";
import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetRoleCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/open.js";
import { startTestServer, type TestServer, trustPolicy } from "./harness.js";

let server: TestServer;
let cfn: CloudFormationClient;
let deployRoleArn: string;
const IAM: Capability[] = ["CAPABILITY_IAM"];
const WAIT = { maxWaitTime: 10, minDelay: 1, maxDelay: 1 };
const allowAll = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
});

beforeAll(async () => {
  server = await startTestServer();
  cfn = new CloudFormationClient(server.config());
  const role = await server.iam().send(
    new CreateRoleCommand({
      RoleName: "deploy",
      AssumeRolePolicyDocument: trustPolicy({ Service: "cloudformation.amazonaws.com" }),
    }),
  );
  deployRoleArn = role.Role?.Arn ?? "";
  await server
    .iam()
    .send(
      new PutRolePolicyCommand({ RoleName: "deploy", PolicyName: "all", PolicyDocument: allowAll }),
    );
});
afterAll(() => server.close());

const APP = (o: { description: string; secret?: boolean; fnTrust?: string }) => `
Parameters:
  Env:
    Type: String
    Default: dev
Resources:
  Role:
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
      Role: !GetAtt Role.Arn
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
  RoleName:
    Value: !Ref Role
`;

async function refusal(promise: Promise<unknown>): Promise<CloudFormationServiceException> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CloudFormationServiceException);
  return error as CloudFormationServiceException;
}

const changes = (out: DescribeChangeSetCommandOutput) =>
  (out.Changes ?? []).map((c) => {
    const r = c.ResourceChange;
    return [r?.Action, r?.LogicalResourceId, r?.ResourceType, r?.Replacement ?? null].join(" ");
  });

describe("CloudFormation change sets over the query API", () => {
  it("creates, updates and finds nothing to change, as `cloudformation deploy` drives it", async () => {
    const created = await cfn.send(
      new CreateChangeSetCommand({
        StackName: "cs-app",
        ChangeSetName: "create-1",
        ChangeSetType: "CREATE",
        TemplateBody: APP({ description: "v1" }),
        Capabilities: ["CAPABILITY_IAM"],
        Description: "first",
      }),
    );
    expect(created.Id).toMatch(/^arn:aws:cloudformation:us-east-1:\d{12}:changeSet\/create-1\//);
    await waitUntilChangeSetCreateComplete(
      { client: cfn, ...WAIT },
      { StackName: "cs-app", ChangeSetName: "create-1" },
    );
    const reviewing = await cfn.send(new DescribeStacksCommand({ StackName: "cs-app" }));
    expect(reviewing.Stacks?.[0]?.StackStatus).toBe("REVIEW_IN_PROGRESS");
    expect(reviewing.Stacks?.[0]?.StackId).toBe(created.StackId);
    const described = await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: created.Id }));
    expect([described.Status, described.ExecutionStatus, described.Description]).toEqual([
      "CREATE_COMPLETE",
      "AVAILABLE",
      "first",
    ]);
    expect(described.Capabilities).toEqual(["CAPABILITY_IAM"]);
    expect(changes(described)).toEqual([
      "Add Role AWS::IAM::Role ",
      "Add Fn AWS::Lambda::Function ",
    ]);
    await cfn.send(new ExecuteChangeSetCommand({ StackName: "cs-app", ChangeSetName: "create-1" }));
    await waitUntilStackCreateComplete({ client: cfn, ...WAIT }, { StackName: "cs-app" });

    // What the AWS CLI reads before an update.
    const summary = await cfn.send(new GetTemplateSummaryCommand({ StackName: "cs-app" }));
    expect(summary.Parameters?.map((p) => [p.ParameterKey, p.DefaultValue])).toEqual([
      ["Env", "dev"],
    ]);

    const update = await cfn.send(
      new CreateChangeSetCommand({
        StackName: "cs-app",
        ChangeSetName: "update-1",
        ChangeSetType: "UPDATE",
        TemplateBody: APP({ description: "v2", secret: true }),
        Capabilities: IAM,
        Parameters: [{ ParameterKey: "Env", UsePreviousValue: true }],
        RoleARN: deployRoleArn,
      }),
    );
    await waitUntilChangeSetCreateComplete(
      { client: cfn, ...WAIT },
      { ChangeSetName: update.Id ?? "" },
    );
    const planned = await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: update.Id }));
    expect(changes(planned)).toEqual([
      "Modify Role AWS::IAM::Role True",
      "Add Secret AWS::SecretsManager::Secret ",
      "Modify Fn AWS::Lambda::Function Conditional",
    ]);
    const listed = await cfn.send(new ListChangeSetsCommand({ StackName: "cs-app" }));
    expect(listed.Summaries?.map((s) => [s.ChangeSetName, s.ExecutionStatus])).toEqual([
      ["create-1", "EXECUTE_COMPLETE"],
      ["update-1", "AVAILABLE"],
    ]);
    await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: update.Id }));
    await waitUntilStackUpdateComplete({ client: cfn, ...WAIT }, { StackName: "cs-app" });
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: "cs-app" }))).Stacks?.[0];
    expect(stack?.StackStatus).toBe("UPDATE_COMPLETE");
    expect(stack?.RoleARN).toBe(deployRoleArn);
    expect(stack?.LastUpdatedTime).toBeInstanceOf(Date);
    const roleName = stack?.Outputs?.find((o) => o.OutputKey === "RoleName")?.OutputValue;
    const role = await server.iam().send(new GetRoleCommand({ RoleName: roleName }));
    expect(role.Role?.Description).toBe("v2-dev");

    const same = await cfn.send(
      new CreateChangeSetCommand({
        StackName: "cs-app",
        ChangeSetName: "update-2",
        TemplateBody: APP({ description: "v2", secret: true }),
        Capabilities: IAM,
        Parameters: [{ ParameterKey: "Env", UsePreviousValue: true }],
      }),
    );
    const waited = await waitUntilChangeSetCreateComplete(
      { client: cfn, ...WAIT },
      { ChangeSetName: same.Id ?? "" },
    ).then(
      () => "complete",
      (e: Error) => e.message,
    );
    expect(waited).toContain("FAILURE");
    const failed = await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: same.Id }));
    expect([failed.Status, failed.ExecutionStatus, failed.StatusReason]).toEqual([
      "FAILED",
      "UNAVAILABLE",
      "The submitted information didn't contain changes. Submit different information to create a change set.",
    ]);
    const notExecutable = await refusal(
      cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: same.Id })),
    );
    expect(notExecutable.name).toBe("InvalidChangeSetStatusException");
    await cfn.send(new DeleteChangeSetCommand({ ChangeSetName: same.Id }));
    const gone = await refusal(cfn.send(new DescribeChangeSetCommand({ ChangeSetName: same.Id })));
    expect([gone.name, gone.message]).toEqual([
      "ChangeSetNotFoundException",
      `ChangeSet [${same.Id}] does not exist`,
    ]);
  });

  it("refuses CREATE for an existing stack and UPDATE for a missing one", async () => {
    const missing = await refusal(
      cfn.send(
        new CreateChangeSetCommand({
          StackName: "nope",
          ChangeSetName: "u",
          ChangeSetType: "UPDATE",
          TemplateBody: APP({ description: "v1" }),
          Capabilities: IAM,
        }),
      ),
    );
    expect([missing.name, missing.message]).toEqual([
      "ValidationError",
      "Stack [nope] does not exist",
    ]);
    const url = await refusal(
      cfn.send(
        new CreateChangeSetCommand({
          StackName: "nope",
          ChangeSetName: "u",
          ChangeSetType: "CREATE",
          TemplateURL: "https://s3.amazonaws.com/bucket/t.yaml",
        }),
      ),
    );
    expect(url.message).toBe(
      "TemplateURL is not supported by accesslab: send the template as TemplateBody",
    );
    const unacknowledged = await refusal(
      cfn.send(
        new CreateChangeSetCommand({
          StackName: "nope",
          ChangeSetName: "u",
          ChangeSetType: "CREATE",
          TemplateBody: APP({ description: "v1" }),
        }),
      ),
    );
    expect([unacknowledged.name, unacknowledged.message]).toEqual([
      "InsufficientCapabilitiesException",
      "Requires capabilities : [CAPABILITY_IAM]",
    ]);
    const stacks = await cfn.send(new DescribeStacksCommand({}));
    expect(stacks.Stacks?.map((st) => st.StackName)).not.toContain("nope");
  });

  it("UpdateStack rolls back with Lambda's message when the new role cannot be assumed", async () => {
    const name = "upd-app";
    const body = APP({ description: "v1" });
    await cfn.send(
      new CreateChangeSetCommand({
        StackName: name,
        ChangeSetName: "c",
        ChangeSetType: "CREATE",
        TemplateBody: body,
        Capabilities: IAM,
      }),
    );
    await cfn.send(new ExecuteChangeSetCommand({ StackName: name, ChangeSetName: "c" }));
    await waitUntilStackCreateComplete({ client: cfn, ...WAIT }, { StackName: name });
    const noChange = await refusal(
      cfn.send(new UpdateStackCommand({ StackName: name, TemplateBody: body, Capabilities: IAM })),
    );
    expect(noChange.message).toBe("No updates are to be performed.");
    await cfn.send(
      new UpdateStackCommand({
        StackName: name,
        TemplateBody: APP({ description: "v2", fnTrust: "ecs-tasks.amazonaws.com" }),
        Capabilities: IAM,
        RoleARN: deployRoleArn,
      }),
    );
    const waited = await waitUntilStackUpdateComplete(
      { client: cfn, ...WAIT },
      { StackName: name },
    ).then(
      () => "complete",
      (e: Error) => e.message,
    );
    expect(waited).toContain("FAILURE");
    const events = (await cfn.send(new DescribeStackEventsCommand({ StackName: name })))
      .StackEvents;
    expect(events?.[0]?.ResourceStatus).toBe("UPDATE_ROLLBACK_COMPLETE");
    const failed = events?.find((e) => e.ResourceStatus === "UPDATE_FAILED");
    expect(failed?.LogicalResourceId).toBe("Fn");
    expect(failed?.ResourceStatusReason).toContain(
      "The role defined for the function cannot be assumed by Lambda.",
    );
  });

  it("asks iam:PassRole for a change set's RoleARN", async () => {
    const iam = server.iam();
    await iam.send(new CreateUserCommand({ UserName: "cs-dev" }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: "cs-dev",
        PolicyName: "cfn",
        PolicyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Action: "cloudformation:*", Resource: "*" }],
        }),
      }),
    );
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: "cs-dev" }))).AccessKey;
    const dev = new CloudFormationClient(
      server.config({
        accessKeyId: key?.AccessKeyId ?? "",
        secretAccessKey: key?.SecretAccessKey ?? "",
      }),
    );
    const denied = await refusal(
      dev.send(
        new CreateChangeSetCommand({
          StackName: "dev-app",
          ChangeSetName: "c",
          ChangeSetType: "CREATE",
          TemplateBody: APP({ description: "v1" }),
          Capabilities: IAM,
          RoleARN: deployRoleArn,
        }),
      ),
    );
    expect(denied.message).toContain(
      `is not authorized to perform: iam:PassRole on resource: ${deployRoleArn}`,
    );
  });
});

describe("change sets in the SQLite state", () => {
  const dir = mkdtempSync(join(tmpdir(), "accesslab-changesets-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("survive a restart and can be executed after it", async () => {
    const path = join(dir, "state.db");
    const first = await startTestServer({ store: openStore({ kind: "sqlite", path }) });
    const id = await new CloudFormationClient(first.config())
      .send(
        new CreateChangeSetCommand({
          StackName: "kept",
          ChangeSetName: "c1",
          ChangeSetType: "CREATE",
          TemplateBody: APP({ description: "v1" }),
          Capabilities: IAM,
        }),
      )
      .then((r) => r.Id ?? "");
    await first.close();
    const second = await startTestServer({ store: openStore({ kind: "sqlite", path }) });
    try {
      const client = new CloudFormationClient(second.config());
      const cs = await client.send(new DescribeChangeSetCommand({ ChangeSetName: id }));
      expect([cs.ChangeSetName, cs.Status, cs.ExecutionStatus]).toEqual([
        "c1",
        "CREATE_COMPLETE",
        "AVAILABLE",
      ]);
      await client.send(new ExecuteChangeSetCommand({ ChangeSetName: id }));
      const stack = await client.send(new DescribeStacksCommand({ StackName: "kept" }));
      expect(stack.Stacks?.[0]?.StackStatus).toBe("CREATE_COMPLETE");
    } finally {
      await second.close();
    }
  });
});
