/**
 * The EFS probes on seeds-digest section 1's file system: every finding
 * comes from a mount or a write that failed (or an anonymous mount that
 * succeeded), and changing the state so the probe passes makes the finding
 * disappear.
 */
import { describe, expect, it } from "vitest";
import {
  createAccessPoint,
  createFileSystem,
  putFileSystemPolicy,
} from "../../services/efs/control-plane.js";
import type { PosixUser, RootDirectory } from "../../services/efs/model.js";
import type { ProbeRun } from "../probe.js";
import { deployed, probeContext } from "./deployed.test-support.js";
import { probeAccessPoints } from "./efs-access-points.js";
import { probeFileSystems } from "./efs-file-systems.js";

function world(access: Record<string, { posixUser?: PosixUser; rootDirectory?: RootDirectory }>) {
  const ctx = probeContext();
  const fs = createFileSystem(ctx, { creationToken: "seed" });
  const resources = [deployed("Shared", "AWS::EFS::FileSystem", fs.fileSystemId, 2)];
  let line = 10;
  for (const [logicalId, input] of Object.entries(access)) {
    const ap = createAccessPoint(ctx, { fileSystemId: fs.fileSystemId, ...input });
    resources.push(deployed(logicalId, "AWS::EFS::AccessPoint", ap.accessPointId, line));
    line += 10;
  }
  return { run: { ctx, resources } satisfies ProbeRun, fs };
}

const ids = (run: ProbeRun) => probeAccessPoints(run).map((f) => `${f.logicalId} ${f.ruleId}`);

describe("access point probe", () => {
  it("finds the seed's root user, the missing CreationInfo and the unwritable /piyo", () => {
    const { run } = world({
      Root: { posixUser: { uid: 0, gid: 0 }, rootDirectory: { path: "/" } },
      Fuga: { posixUser: { uid: 1001, gid: 1001 }, rootDirectory: { path: "/fuga" } },
      Piyo: {
        rootDirectory: {
          path: "/piyo",
          creationInfo: { ownerUid: 1002, ownerGid: 1002, permissions: "764" },
        },
      },
    });
    expect(ids(run)).toEqual([
      "Root efs-access-point-root-user",
      "Root efs-access-point-file-system-root",
      "Fuga efs-access-point-no-creation-info",
      "Piyo efs-access-point-no-posix-user",
    ]);
  });

  it("finds an enforced user that cannot write in its root", () => {
    const { run } = world({
      Piyo: {
        posixUser: { uid: 1001, gid: 1001 },
        rootDirectory: {
          path: "/piyo",
          creationInfo: { ownerUid: 1002, ownerGid: 1002, permissions: "764" },
        },
      },
    });
    const [piyo] = probeAccessPoints(run);
    expect(piyo?.title).toBe(
      "access point Piyo enforces 1001:1001, which cannot write in its root `/piyo`",
    );
    expect(piyo?.explanation).toContain("as 1002:1002 mode 764");
    expect(piyo?.evidence.join("\n")).toContain("Permission denied");
    expect(piyo?.position).toEqual({ line: 12, column: 3 });
  });

  it("reports nothing once the access points are what the fixes say", () => {
    const { run } = world({
      App: {
        posixUser: { uid: 1002, gid: 1002 },
        rootDirectory: {
          path: "/piyo",
          creationInfo: { ownerUid: 1002, ownerGid: 1002, permissions: "750" },
        },
      },
    });
    expect(ids(run)).toEqual([]);
  });

  it("finds a root the enforced user cannot enter", () => {
    const { run } = world({
      Locked: {
        posixUser: { uid: 2000, gid: 2000 },
        rootDirectory: {
          path: "/locked",
          creationInfo: { ownerUid: 1, ownerGid: 1, permissions: "600" },
        },
      },
    });
    const [finding] = probeAccessPoints(run);
    expect(finding?.ruleId).toBe("efs-access-point-root-not-searchable");
    expect(finding?.explanation).toContain("is 1:1 mode 600");
  });
});

describe("file system probe", () => {
  it("mounts anonymously under the default policy, and not once a policy admits only the account", () => {
    const { run, fs } = world({});
    expect(probeFileSystems(run).map((f) => f.ruleId)).toEqual(["efs-anonymous-mount-allowed"]);
    putFileSystemPolicy(
      run.ctx,
      fs.fileSystemId,
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
    expect(probeFileSystems(run)).toEqual([]);
  });
});
