import { describe, expect, it } from "vitest";
import { thrown } from "../thrown.test-support.js";
import { LambdaError } from "./errors.js";
import type { CreateFunctionInput } from "./function-input.js";
import {
  createFunction,
  deleteFunction,
  functionCode,
  getFunction,
  updateFunctionConfiguration,
} from "./functions.js";
import { listFunctions } from "./list-functions.js";
import { EMPTY_ZIP, EMPTY_ZIP_SHA256, lambdaTestContext, seedWorld } from "./seed.test-support.js";

const failure = (work: () => unknown) => thrown(LambdaError, work);

function setup() {
  const ctx = lambdaTestContext();
  const world = seedWorld(ctx);
  const input = (more: Partial<CreateFunctionInput> = {}): CreateFunctionInput => ({
    functionName: "app",
    role: world.roleArn,
    runtime: "nodejs20.x",
    handler: "index.handler",
    code: { zipFileBase64: EMPTY_ZIP },
    ...more,
  });
  return { ctx, world, input };
}

describe("CreateFunction", () => {
  it("creates a function with Lambda's defaults, its ARN and its package hash", () => {
    const { ctx, input } = setup();
    const fn = createFunction(ctx, input());
    expect(fn).toMatchObject({
      functionName: "app",
      functionArn: "arn:aws:lambda:us-east-1:000000000000:function:app",
      timeout: 3,
      memorySize: 128,
      description: "",
      codeSize: 22,
      codeSha256: EMPTY_ZIP_SHA256,
      architectures: ["x86_64"],
      fileSystemConfigs: [],
    });
    expect(functionCode(ctx, fn)).toEqual({ kind: "zip", zipFileBase64: EMPTY_ZIP });
  });

  it("keeps an S3 package as its reference", () => {
    const { ctx, input } = setup();
    const fn = createFunction(ctx, input({ code: { s3Bucket: "code", s3Key: "app.zip" } }));
    expect(functionCode(ctx, fn)).toEqual({ kind: "s3", s3Bucket: "code", s3Key: "app.zip" });
  });

  it("refuses an existing name with ResourceConflictException 409", () => {
    const { ctx, input } = setup();
    createFunction(ctx, input());
    const e = failure(() => createFunction(ctx, input()));
    expect([e.code, e.httpStatus, e.message]).toEqual([
      "ResourceConflictException",
      409,
      "Function already exist: app",
    ]);
  });

  it("refuses a role Lambda cannot assume, or one that does not exist", () => {
    const { ctx, world, input } = setup();
    for (const role of [world.untrustedRoleArn, "arn:aws:iam::000000000000:role/missing"]) {
      const e = failure(() => createFunction(ctx, input({ role })));
      expect([e.code, e.httpStatus, e.message]).toEqual([
        "InvalidParameterValueException",
        400,
        "The role defined for the function cannot be assumed by Lambda.",
      ]);
    }
  });

  it("refuses a package that is not a zip, and a missing source", () => {
    const { ctx, input } = setup();
    const notZip = failure(() =>
      createFunction(
        ctx,
        input({ code: { zipFileBase64: Buffer.from("hello").toString("base64") } }),
      ),
    );
    expect(notZip.message).toBe(
      "Could not unzip uploaded file. Please check your file, then try to upload again.",
    );
    expect(failure(() => createFunction(ctx, input({ code: {} }))).message).toBe(
      "Please provide a source for function code.",
    );
  });

  it("refuses unknown subnets and security groups with Lambda's EC2 wording", () => {
    const { ctx, world, input } = setup();
    const subnet = failure(() =>
      createFunction(ctx, input({ vpcConfig: { subnetIds: ["subnet-0123456789abcdef0"] } })),
    );
    expect(subnet.message).toBe(
      "Error occurred while DescribeSubnets. EC2 Error Code: InvalidSubnetID.NotFound. EC2 Error Message: The subnet ID 'subnet-0123456789abcdef0' does not exist",
    );
    const group = failure(() =>
      createFunction(
        ctx,
        input({
          vpcConfig: { subnetIds: [world.subnetA], securityGroupIds: ["sg-0123456789abcdef0"] },
        }),
      ),
    );
    expect(group.message).toBe(
      "Error occurred while DescribeSecurityGroups. EC2 Error Code: InvalidGroup.NotFound. EC2 Error Message: The security group 'sg-0123456789abcdef0' does not exist",
    );
  });

  it("reports the subnets' VPC", () => {
    const { ctx, world, input } = setup();
    const fn = createFunction(
      ctx,
      input({
        vpcConfig: { subnetIds: [world.subnetA], securityGroupIds: [world.securityGroupId] },
      }),
    );
    expect(fn.vpcConfig).toEqual({
      subnetIds: [world.subnetA],
      securityGroupIds: [world.securityGroupId],
      vpcId: world.vpcId,
    });
  });

  it("refuses a shape error with ValidationException listing every violation", () => {
    const { ctx, input } = setup();
    const e = failure(() => createFunction(ctx, input({ timeout: 0, memorySize: 64 })));
    expect([e.code, e.httpStatus]).toEqual(["ValidationException", 400]);
    expect(e.message).toBe(
      "2 validation errors detected: Value '0' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1; Value '64' at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128",
    );
  });
});

describe("GetFunction, UpdateFunctionConfiguration, ListFunctions, DeleteFunction", () => {
  it("finds a function by name, partial ARN, full ARN and $LATEST", () => {
    const { ctx, input } = setup();
    createFunction(ctx, input());
    for (const name of [
      "app",
      "000000000000:function:app",
      "arn:aws:lambda:us-east-1:000000000000:function:app",
      "app:$LATEST",
    ])
      expect(getFunction(ctx, name).functionName).toBe("app");
  });

  it("answers ResourceNotFoundException 404 naming the ARN", () => {
    const { ctx } = setup();
    const e = failure(() => getFunction(ctx, "nope"));
    expect([e.code, e.httpStatus, e.message]).toEqual([
      "ResourceNotFoundException",
      404,
      "Function not found: arn:aws:lambda:us-east-1:000000000000:function:nope",
    ]);
  });

  it("updates only the settings given and checks a new role", () => {
    const { ctx, world, input } = setup();
    createFunction(ctx, input({ description: "v1", environment: { APP_MODE: "1" } }));
    const fn = updateFunctionConfiguration(ctx, "app", { timeout: 30 });
    expect(fn).toMatchObject({ timeout: 30, description: "v1", environment: { APP_MODE: "1" } });
    const e = failure(() =>
      updateFunctionConfiguration(ctx, "app", { role: world.untrustedRoleArn }),
    );
    expect(e.message).toBe("The role defined for the function cannot be assumed by Lambda.");
  });

  it("lists by name a page at a time", () => {
    const { ctx, input } = setup();
    for (const name of ["c", "a", "b"]) createFunction(ctx, input({ functionName: name }));
    const first = listFunctions(ctx, { maxItems: 2 });
    expect(first.functions.map((f) => f.functionName)).toEqual(["a", "b"]);
    const second = listFunctions(ctx, {
      maxItems: 2,
      ...(first.nextMarker ? { marker: first.nextMarker } : {}),
    });
    expect(second.functions.map((f) => f.functionName)).toEqual(["c"]);
    expect(second.nextMarker).toBeUndefined();
  });

  it("deletes a function and its package", () => {
    const { ctx, input } = setup();
    createFunction(ctx, input());
    deleteFunction(ctx, "app");
    expect(failure(() => getFunction(ctx, "app")).code).toBe("ResourceNotFoundException");
    expect(ctx.store.records.list("lambda/code")).toEqual([]);
  });
});
