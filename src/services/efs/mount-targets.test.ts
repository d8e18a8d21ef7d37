/** Unit tests of EFS mount targets over EC2 records kept in the store. */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { memoryStore } from "../../store/memory/store.js";
import { EC2_RECORD } from "../ec2/model.js";
import type { EfsContext } from "./context.js";
import { createFileSystem, deleteFileSystem } from "./control-plane.js";
import {
  createMountTarget,
  deleteMountTarget,
  listMountTargets,
  modifyMountTargetSecurityGroups,
} from "./mount-targets.js";

function setup() {
  const ctx: EfsContext = {
    store: memoryStore(),
    random: (n) => new Uint8Array(randomBytes(n)),
    clock: () => 1_700_000_000_000,
    account: "111122223333",
    region: "us-east-1",
  };
  const subnet = (subnetId: string, vpcId: string, cidrBlock: string, zone: string) =>
    ctx.store.records.put(EC2_RECORD.subnet, subnetId, {
      subnetId,
      vpcId,
      cidrBlock,
      availabilityZone: zone,
      availabilityZoneId: `id-${zone}`,
      ownerId: ctx.account,
      tags: [],
    });
  subnet("subnet-a", "vpc-1", "10.0.1.0/28", "us-east-1a");
  subnet("subnet-b", "vpc-1", "10.0.2.0/24", "us-east-1b");
  subnet("subnet-c", "vpc-2", "10.1.0.0/24", "us-east-1c");
  const group = (groupId: string, vpcId: string, groupName = groupId) =>
    ctx.store.records.put(EC2_RECORD.securityGroup, groupId, {
      groupId,
      groupName,
      description: "",
      vpcId,
      ownerId: ctx.account,
      ingress: [],
      egress: [],
      tags: [],
    });
  group("sg-1", "vpc-1");
  group("sg-2", "vpc-2");
  const fs = createFileSystem(ctx, { creationToken: "t" });
  return { ctx, fs };
}

describe("mount targets", () => {
  it("places a mount target in its subnet with the first usable address", () => {
    const { ctx, fs } = setup();
    const mt = createMountTarget(ctx, { fileSystemId: fs.fileSystemId, subnetId: "subnet-a" });
    expect(mt).toMatchObject({
      vpcId: "vpc-1",
      availabilityZoneName: "us-east-1a",
      ipAddress: "10.0.1.4",
      securityGroups: [],
      lifeCycleState: "available",
    });
  });

  it("keeps one per zone and one VPC per file system", () => {
    const { ctx, fs } = setup();
    createMountTarget(ctx, { fileSystemId: fs.fileSystemId, subnetId: "subnet-a" });
    expect(() =>
      createMountTarget(ctx, { fileSystemId: fs.fileSystemId, subnetId: "subnet-a" }),
    ).toThrow(expect.objectContaining({ code: "MountTargetConflict" }));
    expect(() =>
      createMountTarget(ctx, { fileSystemId: fs.fileSystemId, subnetId: "subnet-c" }),
    ).toThrow(expect.objectContaining({ code: "MountTargetConflict" }));
  });

  it("checks the subnet, the security groups and the requested address", () => {
    const { ctx, fs } = setup();
    const id = fs.fileSystemId;
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as { code: string }).code;
      }
      return "none";
    };
    expect(code(() => createMountTarget(ctx, { fileSystemId: id, subnetId: "subnet-x" }))).toBe(
      "SubnetNotFound",
    );
    expect(
      code(() =>
        createMountTarget(ctx, {
          fileSystemId: id,
          subnetId: "subnet-a",
          securityGroups: ["sg-2"],
        }),
      ),
    ).toBe("SecurityGroupNotFound");
    expect(
      code(() =>
        createMountTarget(ctx, { fileSystemId: id, subnetId: "subnet-a", ipAddress: "10.0.2.9" }),
      ),
    ).toBe("BadRequest");
    expect(
      code(() =>
        createMountTarget(ctx, { fileSystemId: "fs-0123456789abcdef0", subnetId: "subnet-a" }),
      ),
    ).toBe("FileSystemNotFound");
  });

  it("replaces security groups, and blocks file system deletion until removed", () => {
    const { ctx, fs } = setup();
    const mt = createMountTarget(ctx, { fileSystemId: fs.fileSystemId, subnetId: "subnet-b" });
    expect(
      modifyMountTargetSecurityGroups(ctx, mt.mountTargetId, ["sg-1", "sg-1"]).securityGroups,
    ).toEqual(["sg-1"]);
    expect(() => deleteFileSystem(ctx, fs.fileSystemId)).toThrow(
      expect.objectContaining({ code: "FileSystemInUse" }),
    );
    deleteMountTarget(ctx, mt.mountTargetId);
    expect(listMountTargets(ctx, fs.fileSystemId)).toEqual([]);
    deleteFileSystem(ctx, fs.fileSystemId);
  });
});
