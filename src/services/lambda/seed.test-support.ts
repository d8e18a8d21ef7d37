/**
 * Test support: a Lambda context over a fresh in-memory store, and the
 * pieces a function references seeded into any store: an execution role
 * Lambda may assume (and one it may not), a VPC with subnets in two
 * Availability Zones and a security group, and an EFS file system with an
 * access point and a mount target in the first zone only.
 */
import { randomBytes } from "node:crypto";
import { memoryStore } from "../../store/memory/store.js";
import type { Store } from "../../store/port.js";
import { EC2_RECORD, type SecurityGroup, type Subnet } from "../ec2/model.js";
import { RECORD } from "../efs/context.js";
import { createAccessPoint, createFileSystem } from "../efs/control-plane.js";
import type { AccessPoint, FileSystem, MountTarget } from "../efs/model.js";
import { createRole } from "../iam/roles.js";
import type { LambdaContext } from "./context.js";

/** An empty zip archive (the end-of-central-directory record alone), base64. */
export const EMPTY_ZIP = "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==";
/** Its base64 SHA-256. */
export const EMPTY_ZIP_SHA256 = "hznHbmgfkAkjuQDJ3w73XPQh05yrtUZQxLmtGbanbYU=";

/** What {@link seedWorld} created. */
export interface World {
  readonly roleArn: string;
  readonly untrustedRoleArn: string;
  readonly vpcId: string;
  /** In us-east-1a, where the file system has a mount target. */
  readonly subnetA: string;
  /** In us-east-1b, where it has none. */
  readonly subnetB: string;
  readonly securityGroupId: string;
  readonly fileSystem: FileSystem;
  readonly accessPoint: AccessPoint;
}

/**
 * A fresh Lambda context.
 *
 * @example
 * const ctx = lambdaTestContext();
 */
export function lambdaTestContext(store: Store = memoryStore()): LambdaContext {
  return {
    store,
    random: (n) => new Uint8Array(randomBytes(n)),
    clock: () => Date.UTC(2024, 0, 1),
    account: "000000000000",
    region: "us-east-1",
  };
}

const trust = (service: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }],
  });

/**
 * Seeds roles, a VPC and an EFS file system into the context's store.
 *
 * @example
 * const world = seedWorld(lambdaTestContext());
 */
export function seedWorld(ctx: LambdaContext): World {
  const roleArn = createRole(ctx, {
    roleName: "fn-exec",
    assumeRolePolicyDocument: trust("lambda.amazonaws.com"),
  }).arn;
  const untrustedRoleArn = createRole(ctx, {
    roleName: "ecs-only",
    assumeRolePolicyDocument: trust("ecs-tasks.amazonaws.com"),
  }).arn;
  const vpcId = "vpc-0a1b2c3d4e5f60718";
  const subnet = (subnetId: string, zone: string, cidrBlock: string): Subnet => ({
    subnetId,
    vpcId,
    cidrBlock,
    availabilityZone: `us-east-1${zone}`,
    availabilityZoneId: `use1-az${zone === "a" ? 1 : 2}`,
    ownerId: ctx.account,
    tags: [],
  });
  const subnetA = subnet("subnet-0aaaaaaaaaaaaaaa1", "a", "10.0.1.0/24");
  const subnetB = subnet("subnet-0bbbbbbbbbbbbbbb2", "b", "10.0.2.0/24");
  ctx.store.records.put(EC2_RECORD.vpc, vpcId, {
    vpcId,
    cidrBlock: "10.0.0.0/16",
    ownerId: ctx.account,
    isDefault: false,
    tags: [],
  });
  for (const s of [subnetA, subnetB]) ctx.store.records.put(EC2_RECORD.subnet, s.subnetId, s);
  const group: SecurityGroup = {
    groupId: "sg-0ccccccccccccccc3",
    groupName: "fn",
    description: "function",
    vpcId,
    ownerId: ctx.account,
    ingress: [],
    egress: [],
    tags: [],
  };
  ctx.store.records.put(EC2_RECORD.securityGroup, group.groupId, group);
  const fileSystem = createFileSystem(ctx, { creationToken: "fn-data" });
  const accessPoint = createAccessPoint(ctx, { fileSystemId: fileSystem.fileSystemId });
  addMountTarget(ctx, fileSystem.fileSystemId, subnetA);
  return {
    roleArn,
    untrustedRoleArn,
    vpcId,
    subnetA: subnetA.subnetId,
    subnetB: subnetB.subnetId,
    securityGroupId: group.groupId,
    fileSystem,
    accessPoint,
  };
}

/**
 * Adds a mount target of a file system in a subnet.
 *
 * @example
 * addMountTarget(ctx, fs.fileSystemId, subnet);
 */
export function addMountTarget(ctx: LambdaContext, fileSystemId: string, subnet: Subnet): void {
  const mountTargetId = `fsmt-0${subnet.availabilityZone.endsWith("a") ? "a" : "b"}${"0".repeat(15)}`;
  const target: MountTarget = {
    mountTargetId,
    fileSystemId,
    subnetId: subnet.subnetId,
    vpcId: subnet.vpcId,
    availabilityZoneName: subnet.availabilityZone,
    availabilityZoneId: subnet.availabilityZoneId,
    ipAddress: "10.0.1.10",
    networkInterfaceId: "eni-0ddddddddddddddd4",
    securityGroups: [],
    ownerId: ctx.account,
    lifeCycleState: "available",
  };
  ctx.store.records.put(RECORD.mountTarget, mountTargetId, target);
}
