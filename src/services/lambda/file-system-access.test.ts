import { describe, expect, it } from "vitest";
import { EC2_RECORD, type Subnet } from "../ec2/model.js";
import { thrown } from "../thrown.test-support.js";
import { LambdaError } from "./errors.js";
import type { CreateFunctionInput } from "./function-input.js";
import { createFunction, updateFunctionConfiguration } from "./functions.js";
import { addMountTarget, EMPTY_ZIP, lambdaTestContext, seedWorld } from "./seed.test-support.js";

const failure = (work: () => unknown) => thrown(LambdaError, work);

function setup() {
  const ctx = lambdaTestContext();
  const world = seedWorld(ctx);
  const apArn = world.accessPoint.accessPointArn;
  const input = (more: Partial<CreateFunctionInput> = {}): CreateFunctionInput => ({
    functionName: "app",
    role: world.roleArn,
    runtime: "nodejs20.x",
    handler: "index.handler",
    code: { zipFileBase64: EMPTY_ZIP },
    vpcConfig: { subnetIds: [world.subnetA], securityGroupIds: [world.securityGroupId] },
    fileSystemConfigs: [{ arn: apArn, localMountPath: "/mnt/data" }],
    ...more,
  });
  return { ctx, world, apArn, input };
}

describe("FileSystemConfigs", () => {
  it("accepts an access point whose file system has a mount target in the function's zone", () => {
    const { ctx, apArn, input } = setup();
    expect(createFunction(ctx, input()).fileSystemConfigs).toEqual([
      { arn: apArn, localMountPath: "/mnt/data" },
    ]);
  });

  it("refuses more than one config, a bad ARN and a bad mount path with ValidationException", () => {
    const { ctx, apArn, input } = setup();
    const two = failure(() =>
      createFunction(
        ctx,
        input({
          fileSystemConfigs: [
            { arn: apArn, localMountPath: "/mnt/a" },
            { arn: apArn, localMountPath: "/mnt/b" },
          ],
        }),
      ),
    );
    expect(two.code).toBe("ValidationException");
    expect(two.message).toContain(
      "at 'fileSystemConfigs' failed to satisfy constraint: Member must have length less than or equal to 1",
    );
    const bad = failure(() =>
      createFunction(
        ctx,
        input({
          fileSystemConfigs: [
            {
              arn: "arn:aws:elasticfilesystem:us-east-1:000000000000:file-system/fs-0123456789abcdef0",
              localMountPath: "/tmp/data",
            },
          ],
        }),
      ),
    );
    expect(bad.message).toBe(
      "2 validation errors detected: Value 'arn:aws:elasticfilesystem:us-east-1:000000000000:file-system/fs-0123456789abcdef0' at 'fileSystemConfigs.1.member.arn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws[a-zA-Z-]*:elasticfilesystem:[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\\d{1}:\\d{12}:access-point/fsap-[a-f0-9]{17}; Value '/tmp/data' at 'fileSystemConfigs.1.member.localMountPath' failed to satisfy constraint: Member must satisfy regular expression pattern: ^/mnt/[a-zA-Z0-9-_.]+$",
    );
  });

  it("requires the function to run in a VPC", () => {
    const { ctx, apArn, input } = setup();
    const { vpcConfig: _, ...withoutVpc } = input();
    const e = failure(() => createFunction(ctx, withoutVpc));
    expect([e.code, e.message]).toEqual([
      "InvalidParameterValueException",
      `Function must be configured to execute in a VPC to reference access point ${apArn}`,
    ]);
  });

  it("refuses an access point that does not exist", () => {
    const { ctx, input } = setup();
    const arn =
      "arn:aws:elasticfilesystem:us-east-1:000000000000:access-point/fsap-0123456789abcdef0";
    const e = failure(() =>
      createFunction(ctx, input({ fileSystemConfigs: [{ arn, localMountPath: "/mnt/data" }] })),
    );
    expect([e.code, e.message]).toEqual([
      "InvalidParameterValueException",
      `EFS access point ${arn} does not exist`,
    ]);
  });

  it("requires a mount target in every zone of the function's subnets", () => {
    const { ctx, world, apArn, input } = setup();
    const vpcConfig = { subnetIds: [world.subnetA, world.subnetB] };
    const e = failure(() => createFunction(ctx, input({ vpcConfig })));
    expect(e.message).toBe(
      `EFS file system ${world.fileSystem.arn} referenced by access point ${apArn} does not have mount target created in all availability zones the function will execute in. Please create EFS mount targets in availability zones where the function has subnets configured.`,
    );
    const subnetB = ctx.store.records.get<Subnet>(EC2_RECORD.subnet, world.subnetB);
    if (subnetB) addMountTarget(ctx, world.fileSystem.fileSystemId, subnetB);
    expect(createFunction(ctx, input({ vpcConfig })).vpcConfig?.subnetIds).toHaveLength(2);
  });

  it("checks the combined VpcConfig and FileSystemConfigs on update", () => {
    const { ctx, world, apArn, input } = setup();
    const { fileSystemConfigs: _, ...plain } = input();
    createFunction(ctx, plain);
    const e = failure(() =>
      updateFunctionConfiguration(ctx, "app", {
        vpcConfig: { subnetIds: [world.subnetB] },
        fileSystemConfigs: [{ arn: apArn, localMountPath: "/mnt/data" }],
      }),
    );
    expect(e.code).toBe("InvalidParameterValueException");
    const fn = updateFunctionConfiguration(ctx, "app", {
      fileSystemConfigs: [{ arn: apArn, localMountPath: "/mnt/data" }],
    });
    expect(fn.fileSystemConfigs).toHaveLength(1);
    const later = updateFunctionConfiguration(ctx, "app", { timeout: 9 });
    expect([later.vpcConfig?.vpcId, later.fileSystemConfigs.length]).toEqual([world.vpcId, 1]);
  });
});
