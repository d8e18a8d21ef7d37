/**
 * The Lambda control plane through the real `@aws-sdk/client-lambda`:
 * create (201), get, get configuration, update, list with
 * `paginateListFunctions`, delete (204); Lambda's refusals by class and
 * wording (a name taken, a role Lambda cannot assume, every
 * FileSystemConfigs rule, unknown subnets); and authorization, where an IAM
 * user allowed `lambda:*` still needs `iam:PassRole` on the role.
 */
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  PutUserPolicyCommand,
} from "@aws-sdk/client-iam";
import {
  CreateFunctionCommand,
  type CreateFunctionCommandInput,
  DeleteFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  InvalidParameterValueException,
  LambdaClient,
  LambdaServiceException,
  paginateListFunctions,
  ResourceConflictException,
  ResourceNotFoundException,
  UpdateFunctionConfigurationCommand,
} from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  EMPTY_ZIP,
  EMPTY_ZIP_SHA256,
  type World,
} from "../../src/services/lambda/seed.test-support.js";
import type { TestCredentials, TestServer } from "./harness.js";
import { startLambdaWorld } from "./lambda-world.js";

let server: TestServer;
let world: World;
let lambda: LambdaClient;
const ZIP = Buffer.from(EMPTY_ZIP, "base64");
const ARN = (name: string) => `arn:aws:lambda:us-east-1:000000000000:function:${name}`;

beforeAll(async () => {
  ({ server, world, lambda } = await startLambdaWorld());
});
afterAll(() => server.close());

const create = (name: string, more: Partial<CreateFunctionCommandInput> = {}) =>
  new CreateFunctionCommand({
    FunctionName: name,
    Role: world.roleArn,
    Runtime: "nodejs20.x",
    Handler: "index.handler",
    Code: { ZipFile: ZIP },
    ...more,
  });

async function failure<E>(type: abstract new (...args: never[]) => E, promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  return error as E & LambdaServiceException;
}

const vpc = () => ({ SubnetIds: [world.subnetA], SecurityGroupIds: [world.securityGroupId] });
const efs = (arn = world.accessPoint.accessPointArn, LocalMountPath = "/mnt/data") => [
  { Arn: arn, LocalMountPath },
];

describe("serve: Lambda functions", () => {
  it("creates, reads, updates and deletes a function", async () => {
    const created = await lambda.send(
      create("app", {
        Description: "demo",
        Tags: { team: "a" },
        Environment: { Variables: { MODE: "x" } },
      }),
    );
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created).toMatchObject({
      FunctionName: "app",
      FunctionArn: ARN("app"),
      Runtime: "nodejs20.x",
      Role: world.roleArn,
      Handler: "index.handler",
      CodeSize: 22,
      CodeSha256: EMPTY_ZIP_SHA256,
      Description: "demo",
      Timeout: 3,
      MemorySize: 128,
      LastModified: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/),
      Version: "$LATEST",
      Environment: { Variables: { MODE: "x" } },
      State: "Active",
      LastUpdateStatus: "Successful",
      PackageType: "Zip",
      Architectures: ["x86_64"],
    });

    const got = await lambda.send(new GetFunctionCommand({ FunctionName: ARN("app") }));
    expect(got.Configuration?.FunctionName).toBe("app");
    expect(got.Code?.RepositoryType).toBe("S3");
    expect(got.Code?.Location).toBeTypeOf("string");
    expect(got.Tags).toEqual({ team: "a" });

    const updated = await lambda.send(
      new UpdateFunctionConfigurationCommand({ FunctionName: "app", Timeout: 30, MemorySize: 256 }),
    );
    expect([updated.Timeout, updated.MemorySize, updated.Description]).toEqual([30, 256, "demo"]);
    const config = await lambda.send(
      new GetFunctionConfigurationCommand({ FunctionName: "000000000000:function:app" }),
    );
    expect(config.Timeout).toBe(30);

    const deleted = await lambda.send(new DeleteFunctionCommand({ FunctionName: "app" }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    const missing = await failure(
      ResourceNotFoundException,
      lambda.send(new GetFunctionCommand({ FunctionName: "app" })),
    );
    expect(missing.$metadata.httpStatusCode).toBe(404);
    expect(missing.message).toBe(`Function not found: ${ARN("app")}`);
  });

  it("lists every function across pages with paginateListFunctions", async () => {
    const names = ["list-a", "list-b", "list-c", "list-d", "list-e"];
    for (const name of names) await lambda.send(create(name));
    const seen: string[] = [];
    let pages = 0;
    for await (const page of paginateListFunctions({ client: lambda, pageSize: 2 }, {})) {
      pages += 1;
      expect(page.Functions?.length ?? 0).toBeLessThanOrEqual(2);
      for (const fn of page.Functions ?? []) seen.push(fn.FunctionName ?? "");
    }
    expect(seen.filter((n) => n.startsWith("list-"))).toEqual(names);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (const name of names) await lambda.send(new DeleteFunctionCommand({ FunctionName: name }));
  });

  it("refuses a name already taken with ResourceConflictException 409", async () => {
    await lambda.send(create("taken"));
    const e = await failure(ResourceConflictException, lambda.send(create("taken")));
    expect(e.$metadata.httpStatusCode).toBe(409);
    expect(e.message).toBe("Function already exist: taken");
  });

  it("refuses a role whose trust policy does not admit Lambda", async () => {
    const e = await failure(
      InvalidParameterValueException,
      lambda.send(create("untrusted", { Role: world.untrustedRoleArn })),
    );
    expect(e.$metadata.httpStatusCode).toBe(400);
    expect(e.message).toBe("The role defined for the function cannot be assumed by Lambda.");
  });

  it("refuses an unknown subnet with Lambda's wrapping of the EC2 error", async () => {
    const e = await failure(
      InvalidParameterValueException,
      lambda.send(create("no-subnet", { VpcConfig: { SubnetIds: ["subnet-0123456789abcdef0"] } })),
    );
    expect(e.message).toBe(
      "Error occurred while DescribeSubnets. EC2 Error Code: InvalidSubnetID.NotFound. EC2 Error Message: The subnet ID 'subnet-0123456789abcdef0' does not exist",
    );
  });
});

describe("serve: Lambda FileSystemConfigs", () => {
  it("mounts an access point whose file system is reachable in the function's zone", async () => {
    const fn = await lambda.send(
      create("with-efs", { VpcConfig: vpc(), FileSystemConfigs: efs() }),
    );
    expect(fn.FileSystemConfigs).toEqual(efs());
    expect(fn.VpcConfig).toEqual({ ...vpc(), VpcId: world.vpcId });
  });

  it("refuses more than one config, a bad ARN and a bad mount path (ValidationException)", async () => {
    const cases = [
      [
        [...efs(), ...efs(undefined, "/mnt/other")],
        "at 'fileSystemConfigs' failed to satisfy constraint: Member must have length less than or equal to 1",
      ],
      [
        efs(world.fileSystem.arn),
        "at 'fileSystemConfigs.1.member.arn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws[a-zA-Z-]*:elasticfilesystem:",
      ],
      [
        efs(undefined, "/data"),
        "Value '/data' at 'fileSystemConfigs.1.member.localMountPath' failed to satisfy constraint: Member must satisfy regular expression pattern: ^/mnt/[a-zA-Z0-9-_.]+$",
      ],
    ] as const;
    for (const [configs, wording] of cases) {
      const e = await failure(
        LambdaServiceException,
        lambda.send(create("bad-efs", { VpcConfig: vpc(), FileSystemConfigs: [...configs] })),
      );
      expect([e.name, e.$metadata.httpStatusCode]).toEqual(["ValidationException", 400]);
      expect(e.message).toContain(wording);
    }
  });

  it("requires a VPC, an existing access point and a mount target in every zone", async () => {
    const ap = world.accessPoint.accessPointArn;
    const noVpc = await failure(
      InvalidParameterValueException,
      lambda.send(create("efs-no-vpc", { FileSystemConfigs: efs() })),
    );
    expect(noVpc.message).toBe(
      `Function must be configured to execute in a VPC to reference access point ${ap}`,
    );
    const ghost =
      "arn:aws:elasticfilesystem:us-east-1:000000000000:access-point/fsap-0123456789abcdef0";
    const missing = await failure(
      InvalidParameterValueException,
      lambda.send(create("efs-ghost", { VpcConfig: vpc(), FileSystemConfigs: efs(ghost) })),
    );
    expect(missing.message).toBe(`EFS access point ${ghost} does not exist`);
    const twoZones = { SubnetIds: [world.subnetA, world.subnetB] };
    const zone = await failure(
      InvalidParameterValueException,
      lambda.send(create("efs-zone", { VpcConfig: twoZones, FileSystemConfigs: efs() })),
    );
    expect(zone.message).toBe(
      `EFS file system ${world.fileSystem.arn} referenced by access point ${ap} does not have mount target created in all availability zones the function will execute in. Please create EFS mount targets in availability zones where the function has subnets configured.`,
    );
    await lambda.send(create("efs-later"));
    const update = await failure(
      InvalidParameterValueException,
      lambda.send(
        new UpdateFunctionConfigurationCommand({
          FunctionName: "efs-later",
          FileSystemConfigs: efs(),
        }),
      ),
    );
    expect(update.message).toContain("must be configured to execute in a VPC");
  });
});

describe("serve: Lambda authorization", () => {
  let bob: LambdaClient;
  const policy = (actions: string[]) =>
    JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: actions, Resource: "*" }],
    });

  beforeAll(async () => {
    const iam = server.iam();
    await iam.send(new CreateUserCommand({ UserName: "deployer" }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: "deployer" }));
    const credentials: TestCredentials = {
      accessKeyId: AccessKey?.AccessKeyId ?? "",
      secretAccessKey: AccessKey?.SecretAccessKey ?? "",
    };
    bob = new LambdaClient(server.config(credentials));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: "deployer",
        PolicyName: "lambda",
        PolicyDocument: policy(["lambda:*"]),
      }),
    );
  });

  it("refuses CreateFunction without iam:PassRole, then allows it once granted", async () => {
    const e = await failure(LambdaServiceException, bob.send(create("passed")));
    expect([e.name, e.$metadata.httpStatusCode]).toEqual(["AccessDeniedException", 403]);
    expect(e.message).toBe(
      `User: arn:aws:iam::000000000000:user/deployer is not authorized to perform: iam:PassRole on resource: ${world.roleArn} because no identity-based policy allows the iam:PassRole action`,
    );
    await server.iam().send(
      new PutUserPolicyCommand({
        UserName: "deployer",
        PolicyName: "pass",
        PolicyDocument: policy(["iam:PassRole"]),
      }),
    );
    const fn = await bob.send(create("passed"));
    expect(fn.FunctionArn).toBe(ARN("passed"));
    const list = await bob.send(new GetFunctionCommand({ FunctionName: "passed" }));
    expect(list.Configuration?.Role).toBe(world.roleArn);
  });

  it("refuses lambda actions the user's policy does not allow", async () => {
    await server.iam().send(
      new PutUserPolicyCommand({
        UserName: "deployer",
        PolicyName: "lambda",
        PolicyDocument: policy(["lambda:GetFunction"]),
      }),
    );
    const e = await failure(
      LambdaServiceException,
      bob.send(new DeleteFunctionCommand({ FunctionName: "passed" })),
    );
    expect(e.name).toBe("AccessDeniedException");
    expect(e.message).toContain(`lambda:DeleteFunction on resource: ${ARN("passed")}`);
  });
});
