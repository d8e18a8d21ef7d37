/**
 * CloudFormation through the server with the real
 * `@aws-sdk/client-cloudformation`: a YAML stack created, described (stack,
 * events newest first, resources, outputs) and deleted; a Serverless-style
 * stack whose custom resource function runs as the CloudFormation service
 * role, which ends ROLLBACK_COMPLETE with Lambda's message; a template that
 * cannot be read; and iam:PassRole required for RoleARN.
 */
import {
  CloudFormationClient,
  CloudFormationServiceException,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
} from "@aws-sdk/client-cloudformation";
import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestCredentials, type TestServer, trustPolicy } from "./harness.js";

let server: TestServer;
let cfn: CloudFormationClient;
let deployRoleArn: string;
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

async function refusal(promise: Promise<unknown>): Promise<CloudFormationServiceException> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CloudFormationServiceException);
  return error as CloudFormationServiceException;
}

const APP = `
Parameters:
  Prefix:
    Type: String
    Default: app
Resources:
  FnRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: !Sub "\${Prefix}-fn"
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetAtt FnRole.Arn
      Runtime: nodejs20.x
      Handler: index.handler
      Code:
        ZipFile: "exports.handler = async () => 1;"
Outputs:
  RoleName:
    Value: !Ref FnRole
  FunctionArn:
    Value: !GetAtt Fn.Arn
`;

const SERVERLESS = `
Resources:
  CustomDashresourceDashexistingDashs3LambdaFunction:
    Type: AWS::Lambda::Function
    Properties:
      FunctionName: svc-custom-resource-existing-s3
      Role: ${"${DeployRole}"}
      Runtime: nodejs18.x
      Handler: s3/handler.handler
      Code: { S3Bucket: deployment-bucket, S3Key: custom-resources.zip }
  UploadsCustomS31:
    Type: Custom::S3
    Properties:
      ServiceToken: !GetAtt CustomDashresourceDashexistingDashs3LambdaFunction.Arn
      BucketName: uploads
`;

describe("serve: CloudFormation", () => {
  it("creates, describes and deletes a stack", async () => {
    const created = await cfn.send(
      new CreateStackCommand({
        StackName: "app",
        TemplateBody: APP,
        Parameters: [{ ParameterKey: "Prefix", ParameterValue: "shop" }],
      }),
    );
    expect(created.StackId).toMatch(
      /^arn:aws:cloudformation:us-east-1:000000000000:stack\/app\/[0-9a-f-]{36}$/,
    );
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: "app" }));
    expect(Stacks?.[0]).toMatchObject({ StackName: "app", StackStatus: "CREATE_COMPLETE" });
    expect(Stacks?.[0]?.CreationTime).toBeInstanceOf(Date);
    const outputs = Object.fromEntries(
      (Stacks?.[0]?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]),
    );
    expect(outputs).toEqual({
      RoleName: "shop-fn",
      FunctionArn: expect.stringMatching(/^arn:aws:lambda:us-east-1:000000000000:function:app-Fn-/),
    });
    const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: "app" }));
    expect(StackEvents?.[0]).toMatchObject({
      LogicalResourceId: "app",
      ResourceStatus: "CREATE_COMPLETE",
    });
    expect(StackEvents?.at(-1)).toMatchObject({
      ResourceStatus: "CREATE_IN_PROGRESS",
      ResourceStatusReason: "User Initiated",
    });
    const { StackResources } = await cfn.send(
      new DescribeStackResourcesCommand({ StackName: "app" }),
    );
    expect(
      StackResources?.map((r) => [r.LogicalResourceId, r.PhysicalResourceId, r.ResourceStatus]),
    ).toEqual([
      ["FnRole", "shop-fn", "CREATE_COMPLETE"],
      ["Fn", outputs.FunctionArn?.split(":").at(-1), "CREATE_COMPLETE"],
    ]);
    const one = await cfn.send(
      new DescribeStackResourcesCommand({ StackName: "app", LogicalResourceId: "FnRole" }),
    );
    expect(one.StackResources?.map((r) => r.PhysicalResourceId)).toEqual(["shop-fn"]);
    await cfn.send(new DeleteStackCommand({ StackName: "app" }));
    const gone = await refusal(cfn.send(new DescribeStacksCommand({ StackName: "app" })));
    expect(gone.name).toBe("ValidationError");
    expect(gone.message).toBe("Stack with id app does not exist");
    const byId = await cfn.send(new DescribeStacksCommand({ StackName: created.StackId }));
    expect(byId.Stacks?.[0]?.StackStatus).toBe("DELETE_COMPLETE");
  });

  it("rolls back a stack whose custom resource function uses the deployment role", async () => {
    await cfn.send(
      new CreateStackCommand({
        StackName: "svc",
        TemplateBody: SERVERLESS.replace("${DeployRole}", deployRoleArn),
        RoleARN: deployRoleArn,
      }),
    );
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: "svc" }));
    expect(Stacks?.[0]).toMatchObject({ StackStatus: "ROLLBACK_COMPLETE", RoleARN: deployRoleArn });
    const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: "svc" }));
    const failed = StackEvents?.find((e) => e.ResourceStatus === "CREATE_FAILED");
    expect(failed?.LogicalResourceId).toBe("CustomDashresourceDashexistingDashs3LambdaFunction");
    expect(failed?.ResourceStatusReason).toContain(
      "The role defined for the function cannot be assumed by Lambda.",
    );
    expect(StackEvents?.[0]?.ResourceStatus).toBe("ROLLBACK_COMPLETE");
  });

  it("refuses a template it cannot read with its position", async () => {
    const error = await refusal(
      cfn.send(
        new CreateStackCommand({ StackName: "bad", TemplateBody: "Resources:\n  A: [unclosed\n" }),
      ),
    );
    expect(error.name).toBe("ValidationError");
    expect(error.message).toMatch(/^Template format error: .*\(TemplateBody:\d+:\d+\)$/);
  });

  it("requires iam:PassRole on the RoleARN", async () => {
    const iam = server.iam();
    await iam.send(new CreateUserCommand({ UserName: "dev" }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: "dev",
        PolicyName: "cfn",
        PolicyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Action: "cloudformation:*", Resource: "*" }],
        }),
      }),
    );
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: "dev" }))).AccessKey;
    const dev: TestCredentials = {
      accessKeyId: key?.AccessKeyId ?? "",
      secretAccessKey: key?.SecretAccessKey ?? "",
    };
    const client = new CloudFormationClient(server.config(dev));
    const error = await refusal(
      client.send(
        new CreateStackCommand({ StackName: "dev", TemplateBody: APP, RoleARN: deployRoleArn }),
      ),
    );
    expect(error.name).toBe("AccessDenied");
    expect(error.message).toContain(
      `not authorized to perform: iam:PassRole on resource: ${deployRoleArn}`,
    );
  });
});
