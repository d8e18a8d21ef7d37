import { describe, expect, it } from "vitest";
import { EC2_RECORD, type SecurityGroup } from "../../../services/ec2/model.js";
import { RECORD } from "../../../services/efs/context.js";
import { createAccessPoint, putFileSystemPolicy } from "../../../services/efs/control-plane.js";
import type { MountTarget } from "../../../services/efs/model.js";
import { LambdaError } from "../../../services/lambda/errors.js";
import type { LambdaFunction } from "../../../services/lambda/model.js";
import {
  lambdaTestContext,
  seedWorld,
  type World,
} from "../../../services/lambda/seed.test-support.js";
import { assumeRoleForService } from "../../../services/sts/assume-role-for-service.js";
import { mountAccessPoint } from "./mount-access-point.js";

const SANDBOX = { uid: 993, gid: 990, groups: [990] };

function setup(options: { open?: boolean } = {}) {
  const ctx = lambdaTestContext();
  const world = seedWorld(ctx);
  const group = ctx.store.records.get<SecurityGroup>(
    EC2_RECORD.securityGroup,
    world.securityGroupId,
  );
  if (options.open !== false && group) {
    const rule = {
      ruleId: "sgr-0aaaaaaaaaaaaaaa1",
      ipProtocol: "tcp",
      fromPort: 2049,
      toPort: 2049,
      peer: { kind: "security-group" as const, groupId: group.groupId },
    };
    ctx.store.records.put(EC2_RECORD.securityGroup, group.groupId, {
      ...group,
      ingress: [rule],
      egress: [{ ...rule, ruleId: "sgr-0aaaaaaaaaaaaaaa2" }],
    });
  }
  for (const target of ctx.store.records.list<MountTarget>(RECORD.mountTarget))
    ctx.store.records.put(RECORD.mountTarget, target.mountTargetId, {
      ...target,
      securityGroups: [world.securityGroupId],
    });
  const fn = functionIn(world, world.accessPoint.accessPointArn);
  const granted = assumeRoleForService(ctx, {
    roleArn: world.roleArn,
    servicePrincipal: "lambda.amazonaws.com",
    sessionName: fn.functionName,
  });
  if (!granted.granted) throw new Error(granted.reason);
  const accessKeyId = granted.session.credentials.accessKeyId;
  return { ctx, world, fn, accessKeyId };
}

function functionIn(world: World, arn: string, subnetId = world.subnetA): LambdaFunction {
  return {
    functionName: "app",
    functionArn: "arn:aws:lambda:us-east-1:000000000000:function:app",
    role: world.roleArn,
    description: "",
    timeout: 3,
    memorySize: 128,
    lastModifiedMs: 0,
    codeSha256: "",
    codeSize: 0,
    vpcConfig: {
      subnetIds: [subnetId],
      securityGroupIds: [world.securityGroupId],
      vpcId: world.vpcId,
    },
    fileSystemConfigs: [{ arn, localMountPath: "/mnt/data" }],
    architectures: ["x86_64"],
    tags: {},
    revisionId: "r",
  };
}

function refusal(run: () => unknown): LambdaError {
  try {
    run();
  } catch (error) {
    if (error instanceof LambdaError) return error;
    throw error;
  }
  throw new Error("expected a LambdaError");
}

describe("mountAccessPoint", () => {
  it("mounts over an open path as the sandbox user, writable with the default policy", () => {
    const { ctx, fn, accessKeyId } = setup();
    const config = fn.fileSystemConfigs[0] as LambdaFunction["fileSystemConfigs"][number];
    const mounted = mountAccessPoint(ctx, { fn, config, accessKeyId, client: SANDBOX });
    expect(mounted.session.identity).toEqual(SANDBOX);
    expect(mounted.session.readOnly).toBe(false);
  });

  it("takes the access point's PosixUser in place of the client's identity", () => {
    const { ctx, world, accessKeyId } = setup();
    const ap = createAccessPoint(ctx, {
      fileSystemId: world.fileSystem.fileSystemId,
      posixUser: { uid: 1002, gid: 1002 },
      rootDirectory: {
        path: "/piyo",
        creationInfo: { ownerUid: 1002, ownerGid: 1002, permissions: "764" },
      },
    });
    const fn = functionIn(world, ap.accessPointArn);
    const config = { arn: ap.accessPointArn, localMountPath: "/mnt/piyo" };
    const mounted = mountAccessPoint(ctx, { fn, config, accessKeyId, client: SANDBOX });
    expect(mounted.session.identity).toMatchObject({ uid: 1002, gid: 1002 });
    expect(mounted.rootCreated).toBe(true);
    expect(mounted.root).toMatchObject({ uid: 1002, gid: 1002, mode: 0o40764 });
  });

  it("answers EFSMountConnectivityException (408) when no rule lets TCP 2049 through", () => {
    const { ctx, fn, accessKeyId } = setup({ open: false });
    const config = fn.fileSystemConfigs[0] as LambdaFunction["fileSystemConfigs"][number];
    const error = refusal(() =>
      mountAccessPoint(ctx, { fn, config, accessKeyId, client: SANDBOX }),
    );
    expect(error.code).toBe("EFSMountConnectivityException");
    expect(error.httpStatus).toBe(408);
    expect(error.message).toBe(
      `The function couldn't connect to the Amazon EFS file system with access point ${config.arn}. Check your network configuration and try again.`,
    );
  });

  it("answers EFSMountConnectivityException when the instance's zone has no mount target", () => {
    const { ctx, world, accessKeyId } = setup();
    const fn = functionIn(world, world.accessPoint.accessPointArn, world.subnetB);
    const config = fn.fileSystemConfigs[0] as LambdaFunction["fileSystemConfigs"][number];
    expect(
      refusal(() => mountAccessPoint(ctx, { fn, config, accessKeyId, client: SANDBOX })).code,
    ).toBe("EFSMountConnectivityException");
  });

  it("answers EFSMountFailureException (403) when the file system policy does not admit the role", () => {
    const { ctx, world, fn, accessKeyId } = setup();
    putFileSystemPolicy(
      ctx,
      world.fileSystem.fileSystemId,
      JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { AWS: "arn:aws:iam::000000000000:role/someone-else" },
            Action: "elasticfilesystem:ClientMount",
          },
        ],
      }),
    );
    const config = fn.fileSystemConfigs[0] as LambdaFunction["fileSystemConfigs"][number];
    const error = refusal(() =>
      mountAccessPoint(ctx, { fn, config, accessKeyId, client: SANDBOX }),
    );
    expect(error.code).toBe("EFSMountFailureException");
    expect(error.httpStatus).toBe(403);
    expect(error.message).toBe(
      `The function could not mount the EFS file system with access point ${config.arn}.`,
    );
  });

  it("answers EFSMountFailureException for a root directory missing without CreationInfo, and for a gone access point", () => {
    const { ctx, world, accessKeyId } = setup();
    const ap = createAccessPoint(ctx, {
      fileSystemId: world.fileSystem.fileSystemId,
      posixUser: { uid: 1003, gid: 1003 },
      rootDirectory: { path: "/fuga" },
    });
    const fn = functionIn(world, ap.accessPointArn);
    const fuga = { arn: ap.accessPointArn, localMountPath: "/mnt/fuga" };
    expect(
      refusal(() => mountAccessPoint(ctx, { fn, config: fuga, accessKeyId, client: SANDBOX })).code,
    ).toBe("EFSMountFailureException");
    const gone = { arn: `${ap.accessPointArn.slice(0, -4)}ffff`, localMountPath: "/mnt/x" };
    expect(
      refusal(() => mountAccessPoint(ctx, { fn, config: gone, accessKeyId, client: SANDBOX })).code,
    ).toBe("EFSMountFailureException");
  });
});
