/**
 * The Lambda-with-EFS probe walks Lambda's own steps and stops at the first
 * that fails: security groups that block NFS, a file system policy that
 * refuses the execution role, a mount root the function's identity cannot
 * write; each fix makes its finding disappear.
 */
import { describe, expect, it } from "vitest";
import type { SecurityGroup, SecurityGroupRule } from "../../services/ec2/model.js";
import { EC2_RECORD } from "../../services/ec2/model.js";
import { RECORD } from "../../services/efs/context.js";
import { createAccessPoint, putFileSystemPolicy } from "../../services/efs/control-plane.js";
import type { MountTarget } from "../../services/efs/model.js";
import { putRolePolicy } from "../../services/iam/role-policies.js";
import { createFunction } from "../../services/lambda/functions.js";
import {
  EMPTY_ZIP,
  lambdaTestContext,
  seedWorld,
} from "../../services/lambda/seed.test-support.js";
import { deployed } from "./deployed.test-support.js";
import { probeLambdaEfs } from "./lambda-efs.js";

const rule = (id: string, peer: SecurityGroupRule["peer"], port = 2049): SecurityGroupRule => ({
  ruleId: id,
  ipProtocol: "tcp",
  fromPort: port,
  toPort: port,
  peer,
});

function setup(options: { open?: boolean; posixUser?: boolean } = {}) {
  const ctx = lambdaTestContext();
  const world = seedWorld(ctx);
  const group = ctx.store.records.get<SecurityGroup>(
    EC2_RECORD.securityGroup,
    world.securityGroupId,
  );
  if (group === undefined) throw new Error("no group");
  if (options.open) {
    ctx.store.records.put(EC2_RECORD.securityGroup, group.groupId, {
      ...group,
      egress: [rule("sgr-0e", { kind: "cidr", cidr: "0.0.0.0/0" })],
      ingress: [rule("sgr-0i", { kind: "security-group", groupId: group.groupId })],
    });
    for (const target of ctx.store.records.list<MountTarget>(RECORD.mountTarget))
      ctx.store.records.put(RECORD.mountTarget, target.mountTargetId, {
        ...target,
        securityGroups: [group.groupId],
      });
  }
  const accessPoint = options.posixUser
    ? createAccessPoint(ctx, {
        fileSystemId: world.fileSystem.fileSystemId,
        posixUser: { uid: 1000, gid: 1000 },
        rootDirectory: {
          path: "/app",
          creationInfo: { ownerUid: 1000, ownerGid: 1000, permissions: "750" },
        },
      })
    : world.accessPoint;
  const fn = createFunction(ctx, {
    functionName: "reader",
    role: world.roleArn,
    runtime: "nodejs20.x",
    handler: "index.handler",
    code: { zipFileBase64: EMPTY_ZIP },
    vpcConfig: { subnetIds: [world.subnetA], securityGroupIds: [group.groupId] },
    fileSystemConfigs: [{ arn: accessPoint.accessPointArn, localMountPath: "/mnt/data" }],
  });
  const run = { ctx, resources: [deployed("Reader", "AWS::Lambda::Function", fn.functionName, 5)] };
  return { ctx, world, run };
}

const rules = (run: Parameters<typeof probeLambdaEfs>[0]) =>
  probeLambdaEfs(run).map((f) => f.ruleId);

describe("Lambda with EFS probe", () => {
  it("finds security groups that do not let NFS through", () => {
    const { run } = setup();
    const [finding] = probeLambdaEfs(run);
    expect(finding?.ruleId).toBe("lambda-efs-nfs-blocked");
    expect(finding?.position).toEqual({ line: 7, column: 3 });
  });

  it("once NFS flows, finds the sandbox user unable to write in a root-owned mount root", () => {
    const { run } = setup({ open: true });
    const [finding] = probeLambdaEfs(run);
    expect(finding?.ruleId).toBe("lambda-efs-write-denied");
    expect(finding?.evidence.at(-1)).toContain("Permission denied");
    expect(finding?.title).toBe("function Reader cannot create files in /mnt/data");
  });

  it("reports nothing with an access point that enforces the directory's owner", () => {
    const { run } = setup({ open: true, posixUser: true });
    expect(rules(run)).toEqual([]);
  });

  it("finds a file system policy that refuses the execution role, until its role may mount", () => {
    const { ctx, world, run } = setup({ open: true, posixUser: true });
    putFileSystemPolicy(
      ctx,
      world.fileSystem.fileSystemId,
      JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { AWS: "arn:aws:iam::000000000000:root" },
            Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
          },
        ],
      }),
    );
    expect(rules(run)).toEqual(["lambda-efs-mount-denied"]);
    putRolePolicy(
      ctx,
      "fn-exec",
      "efs",
      JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
            Resource: "*",
          },
        ],
      }),
    );
    expect(rules(run)).toEqual([]);
  });
});
