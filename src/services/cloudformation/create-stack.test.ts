import { describe, expect, it } from "vitest";
import type { ServiceContext } from "../context.js";
import { getAccessPoint } from "../efs/control-plane.js";
import { putRolePolicy } from "../iam/role-policies.js";
import { createRole, findRole } from "../iam/roles.js";
import { findFunction } from "../lambda/functions.js";
import { findSecret } from "../secretsmanager/lookup.js";
import { thrown } from "../thrown.test-support.js";
import { createStack } from "./create-stack.js";
import { CloudFormationError } from "./errors.js";
import { stackEvents } from "./events.js";
import { findStack } from "./stacks.js";
import { allowing, cfnTestContext, ROOT, res, str, tpl, trust } from "./template.test-support.js";

const LAMBDA_MESSAGE = "The role defined for the function cannot be assumed by Lambda.";

const fn = (logicalId: string, roleLogicalId: string, extra: Record<string, string> = {}) =>
  res(
    logicalId,
    "AWS::Lambda::Function",
    (lookup) => ({
      Role: str(lookup(roleLogicalId, "Arn")),
      Runtime: "nodejs20.x",
      Handler: "index.handler",
      Code: { ZipFile: "exports.handler = async () => 1;" },
      ...extra,
    }),
    [roleLogicalId],
  );

const role = (logicalId: string, service: string) =>
  res(logicalId, "AWS::IAM::Role", () => ({
    AssumeRolePolicyDocument: trust(service),
    Policies: [{ PolicyName: "logs", PolicyDocument: allowing(["logs:*"]) }],
  }));

function serviceRole(ctx: ServiceContext, name: string, service: string, actions: string[]) {
  const made = createRole(ctx, {
    roleName: name,
    assumeRolePolicyDocument: JSON.stringify(trust(service)),
  });
  putRolePolicy(ctx, name, "deploy", JSON.stringify(allowing(actions)));
  return made.arn;
}

const statuses = (ctx: ServiceContext, stackId: string) =>
  stackEvents(ctx, stackId).map((e) => `${e.logicalResourceId} ${e.resourceStatus}`);

describe("createStack", () => {
  it("creates resources after their dependencies and resolves Ref and GetAtt", () => {
    const ctx = cfnTestContext();
    const template = tpl(
      fn("Fn", "Role"),
      res(
        "Ap",
        "AWS::EFS::AccessPoint",
        (l) => ({
          FileSystemId: str(l("Fs")),
          PosixUser: { Uid: "1001", Gid: "1001" },
          RootDirectory: {
            Path: "/data",
            CreationInfo: { OwnerUid: "1001", OwnerGid: "1001", Permissions: "755" },
          },
        }),
        ["Fs"],
      ),
      res("Fs", "AWS::EFS::FileSystem", () => ({ Encrypted: true })),
      role("Role", "lambda.amazonaws.com"),
      res(
        "Subnet",
        "AWS::EC2::Subnet",
        (l) => ({ VpcId: str(l("Vpc")), CidrBlock: "10.0.1.0/24" }),
        ["Vpc"],
      ),
      res("Vpc", "AWS::EC2::VPC", () => ({ CidrBlock: "10.0.0.0/16" })),
      res("Secret", "AWS::SecretsManager::Secret", () => ({ Name: "app/db", SecretString: "pw" })),
    );
    const stack = createStack(ctx, { stackName: "app", template, caller: ROOT });
    expect(stack.status).toBe("CREATE_COMPLETE");
    const order = stack.resources.map((r) => r.logicalId);
    expect(order.indexOf("Role")).toBeLessThan(order.indexOf("Fn"));
    expect(order.indexOf("Fs")).toBeLessThan(order.indexOf("Ap"));
    const byId = Object.fromEntries(stack.resources.map((r) => [r.logicalId, r]));
    const roleName = byId.Role?.physicalId ?? "";
    expect(roleName).toMatch(/^app-Role-[A-Z0-9]{12}$/);
    expect(findFunction(ctx, byId.Fn?.physicalId ?? "")?.role).toBe(findRole(ctx, roleName)?.arn);
    expect(getAccessPoint(ctx, byId.Ap?.physicalId ?? "").fileSystemId).toBe(byId.Fs?.physicalId);
    expect(byId.Subnet?.attributes.VpcId).toBe(byId.Vpc?.physicalId);
    expect(findSecret(ctx, "app/db")?.arn).toBe(byId.Secret?.physicalId);
    const events = statuses(ctx, stack.stackId);
    expect(events[0]).toBe("app CREATE_IN_PROGRESS");
    expect(events.at(-1)).toBe("app CREATE_COMPLETE");
    expect(events.indexOf("Role CREATE_COMPLETE")).toBeLessThan(
      events.indexOf("Fn CREATE_IN_PROGRESS"),
    );
  });

  it("rolls back everything when Lambda cannot assume the function's role", () => {
    const ctx = cfnTestContext();
    const template = tpl(role("Role", "cloudformation.amazonaws.com"), fn("Fn", "Role"));
    const stack = createStack(ctx, { stackName: "app", template, caller: ROOT });
    expect(stack.status).toBe("ROLLBACK_COMPLETE");
    const failed = stackEvents(ctx, stack.stackId).find(
      (e) => e.resourceStatus === "CREATE_FAILED",
    );
    expect(failed?.logicalResourceId).toBe("Fn");
    expect(failed?.resourceStatusReason).toContain(LAMBDA_MESSAGE);
    expect(failed?.resourceStatusReason).toContain("InvalidParameterValueException");
    const roleName = stack.resources.find((r) => r.logicalId === "Role")?.physicalId ?? "";
    expect(findRole(ctx, roleName)).toBeUndefined();
    expect(statuses(ctx, stack.stackId).slice(-7)).toEqual([
      "Fn CREATE_FAILED",
      "app ROLLBACK_IN_PROGRESS",
      "Fn DELETE_IN_PROGRESS",
      "Fn DELETE_COMPLETE",
      "Role DELETE_IN_PROGRESS",
      "Role DELETE_COMPLETE",
      "app ROLLBACK_COMPLETE",
    ]);
  });

  it("refuses a service role CloudFormation cannot assume, leaving no stack", () => {
    const ctx = cfnTestContext();
    const roleArn = serviceRole(ctx, "deploy", "lambda.amazonaws.com", ["*"]);
    const error = thrown(CloudFormationError, () =>
      createStack(ctx, {
        stackName: "app",
        template: tpl(role("Role", "lambda.amazonaws.com")),
        caller: ROOT,
        roleArn,
      }),
    );
    expect(error).toMatchObject({
      code: "ValidationError",
      message: `Role ${roleArn} is invalid or cannot be assumed`,
    });
    expect(findStack(ctx, "app")).toBeUndefined();
  });

  it("authorizes each operation against the service role and fails on a refusal", () => {
    const ctx = cfnTestContext();
    const roleArn = serviceRole(ctx, "deploy", "cloudformation.amazonaws.com", [
      "iam:CreateRole",
      "iam:PutRolePolicy",
      "iam:DeleteRole",
      "lambda:CreateFunction",
    ]);
    const template = tpl(role("Role", "lambda.amazonaws.com"), fn("Fn", "Role"));
    const stack = createStack(ctx, { stackName: "app", template, caller: ROOT, roleArn });
    expect(stack.status).toBe("ROLLBACK_COMPLETE");
    expect(stack.roleArn).toBe(roleArn);
    const failed = stackEvents(ctx, stack.stackId).find(
      (e) => e.resourceStatus === "CREATE_FAILED",
    );
    expect(failed?.logicalResourceId).toBe("Fn");
    expect(failed?.resourceStatusReason).toContain(
      "User: arn:aws:sts::000000000000:assumed-role/deploy/AWSCloudFormation is not authorized to perform: iam:PassRole on resource: arn:aws:iam::000000000000:role/",
    );
    expect(failed?.resourceStatusReason).toContain("HandlerErrorCode: AccessDenied");
  });

  it("ends ROLLBACK_FAILED when the service role may not delete what it made", () => {
    const ctx = cfnTestContext();
    const roleArn = serviceRole(ctx, "deploy", "cloudformation.amazonaws.com", [
      "iam:CreateRole",
      "iam:PutRolePolicy",
    ]);
    const template = tpl(role("Role", "lambda.amazonaws.com"), fn("Fn", "Role"));
    const stack = createStack(ctx, { stackName: "app", template, caller: ROOT, roleArn });
    expect(stack.status).toBe("ROLLBACK_FAILED");
    const kept = stack.resources.find((r) => r.logicalId === "Role");
    expect(kept?.status).toBe("DELETE_FAILED");
    expect(kept?.statusReason).toContain("not authorized to perform: iam:DeleteRole");
    expect(findRole(ctx, kept?.physicalId ?? "")).toBeDefined();
  });

  it("succeeds through a service role that allows every operation", () => {
    const ctx = cfnTestContext();
    const roleArn = serviceRole(ctx, "deploy", "cloudformation.amazonaws.com", [
      "iam:*",
      "lambda:CreateFunction",
    ]);
    const template = tpl(role("Role", "lambda.amazonaws.com"), fn("Fn", "Role"));
    expect(createStack(ctx, { stackName: "app", template, caller: ROOT, roleArn }).status).toBe(
      "CREATE_COMPLETE",
    );
  });

  it("fails a custom resource's function whose role is the CloudFormation deployment role", () => {
    const ctx = cfnTestContext();
    const roleArn = serviceRole(ctx, "deploy", "cloudformation.amazonaws.com", ["*"]);
    const template = tpl(
      res("CustomFn", "AWS::Lambda::Function", () => ({
        Role: roleArn,
        Runtime: "nodejs20.x",
        Handler: "index.handler",
        Code: { S3Bucket: "deploys", S3Key: "custom.zip" },
      })),
      res("S3Existing", "Custom::S3", (l) => ({ ServiceToken: str(l("CustomFn", "Arn")) }), [
        "CustomFn",
      ]),
    );
    const stack = createStack(ctx, { stackName: "svc", template, caller: ROOT, roleArn });
    expect(stack.status).toBe("ROLLBACK_COMPLETE");
    const failed = stackEvents(ctx, stack.stackId).find(
      (e) => e.resourceStatus === "CREATE_FAILED",
    );
    expect(failed?.logicalResourceId).toBe("CustomFn");
    expect(failed?.resourceStatusReason).toContain(LAMBDA_MESSAGE);
    expect(stackEvents(ctx, stack.stackId).some((e) => e.logicalResourceId === "S3Existing")).toBe(
      false,
    );
  });

  it("creates a custom resource once its function exists", () => {
    const ctx = cfnTestContext();
    const template = tpl(
      role("Role", "lambda.amazonaws.com"),
      fn("CustomFn", "Role"),
      res("Custom", "Custom::Thing", (l) => ({ ServiceToken: str(l("CustomFn", "Arn")) }), [
        "CustomFn",
      ]),
    );
    expect(createStack(ctx, { stackName: "app", template, caller: ROOT }).status).toBe(
      "CREATE_COMPLETE",
    );
  });

  it("creates an unmodelled type as a placeholder with a warning", () => {
    const ctx = cfnTestContext();
    const stack = createStack(ctx, {
      stackName: "app",
      template: tpl(res("Bucket", "AWS::S3::Bucket")),
      caller: ROOT,
    });
    expect(stack.status).toBe("CREATE_COMPLETE");
    const done = stackEvents(ctx, stack.stackId).find(
      (e) => e.logicalResourceId === "Bucket" && e.resourceStatus === "CREATE_COMPLETE",
    );
    expect(done?.resourceStatusReason).toContain("`AWS::S3::Bucket` is not modelled");
  });

  it("fails a resource whose property cannot be known, saying why", () => {
    const ctx = cfnTestContext();
    const template = tpl(
      res("Subnet", "AWS::EC2::Subnet", () => ({
        VpcId: { symbolic: true, description: "Fn::ImportValue `shared-vpc`" },
        CidrBlock: "10.0.1.0/24",
      })),
    );
    const stack = createStack(ctx, { stackName: "app", template, caller: ROOT });
    expect(stack.status).toBe("ROLLBACK_COMPLETE");
    expect(stack.resources[0]?.statusReason).toBe(
      "property `VpcId` of `Subnet` depends on a value accesslab cannot know: Fn::ImportValue `shared-vpc`",
    );
  });

  it("reports a missing required property in CloudFormation's words", () => {
    const ctx = cfnTestContext();
    const stack = createStack(ctx, {
      stackName: "app",
      template: tpl(res("Vpc", "AWS::EC2::VPC")),
      caller: ROOT,
    });
    expect(stack.resources[0]?.statusReason).toBe(
      "Properties validation failed for resource Vpc with message: #: required key [CidrBlock] not found",
    );
  });

  it("refuses unresolved dependencies, cycles and a name in use before creating anything", () => {
    const ctx = cfnTestContext();
    const missing = tpl(res("A", "AWS::S3::Bucket", () => ({}), ["Nope"]));
    expect(
      thrown(CloudFormationError, () =>
        createStack(ctx, { stackName: "a", template: missing, caller: ROOT }),
      ),
    ).toMatchObject({
      code: "ValidationError",
      message:
        "Template format error: Unresolved resource dependencies [Nope] in the Resources block of the template",
    });
    const cycle = tpl(
      res("A", "AWS::S3::Bucket", () => ({}), ["B"]),
      res("B", "AWS::S3::Bucket", () => ({}), ["A"]),
    );
    expect(
      thrown(CloudFormationError, () =>
        createStack(ctx, { stackName: "a", template: cycle, caller: ROOT }),
      ),
    ).toMatchObject({
      message: "Circular dependency between resources: [A, B]",
    });
    expect(findStack(ctx, "a")).toBeUndefined();
    createStack(ctx, { stackName: "a", template: tpl(), caller: ROOT });
    expect(
      thrown(CloudFormationError, () =>
        createStack(ctx, { stackName: "a", template: tpl(), caller: ROOT }),
      ),
    ).toMatchObject({
      code: "AlreadyExistsException",
    });
  });

  it("names a placeholder bucket as S3 would, for functions whose code it holds", () => {
    const ctx = cfnTestContext();
    const template = tpl(
      res("ServerlessDeploymentBucket", "AWS::S3::Bucket"),
      role("Role", "lambda.amazonaws.com"),
      res(
        "Fn",
        "AWS::Lambda::Function",
        (l) => ({
          Role: str(l("Role", "Arn")),
          Runtime: "nodejs20.x",
          Handler: "index.handler",
          Code: { S3Bucket: str(l("ServerlessDeploymentBucket")), S3Key: "fn.zip" },
        }),
        ["Role", "ServerlessDeploymentBucket"],
      ),
    );
    const stack = createStack(ctx, {
      stackName: "a-rather-long-serverless-service-name-dev",
      template,
      caller: ROOT,
    });
    expect(stack.status).toBe("CREATE_COMPLETE");
    const bucket = stack.resources[0]?.physicalId ?? "";
    expect(bucket).toMatch(/^[a-z0-9-]{3,63}$/);
  });

  it("leaves out an AWS managed policy it does not carry, with a warning", () => {
    const ctx = cfnTestContext();
    const unknown = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";
    const known = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
    const template = tpl(
      res("Role", "AWS::IAM::Role", () => ({
        AssumeRolePolicyDocument: trust("ecs-tasks.amazonaws.com"),
        ManagedPolicyArns: [unknown, known],
      })),
    );
    const stack = createStack(ctx, { stackName: "app", template, caller: ROOT });
    expect(stack.status).toBe("CREATE_COMPLETE");
    expect(findRole(ctx, stack.resources[0]?.physicalId ?? "")?.attachedPolicyArns).toEqual([
      known,
    ]);
    expect(stack.resources[0]?.statusReason).toBe(
      `AWS managed policy \`${unknown}\` not known to accesslab: not attached`,
    );
    const customerUnknown = tpl(
      res("Role", "AWS::IAM::Role", () => ({
        AssumeRolePolicyDocument: trust("ecs-tasks.amazonaws.com"),
        ManagedPolicyArns: ["arn:aws:iam::000000000000:policy/missing"],
      })),
    );
    expect(
      createStack(ctx, { stackName: "b", template: customerUnknown, caller: ROOT }).status,
    ).toBe("ROLLBACK_COMPLETE");
  });
});
