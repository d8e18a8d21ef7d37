/**
 * The Debian AWS CLI against accesslab's EFS: create-file-system (201,
 * parsed; a reused creation token refused), describe with the CLI's own
 * Marker pagination, access points with `--posix-user` and
 * `--root-directory` paged by hand with `--max-results`/`--next-token`
 * (the CLI 2.9 has no paginator for DescribeAccessPoints), the file system
 * policy from `file://` (PolicyNotFound on a fresh file system), a mount
 * target in a subnet made with the EC2 CLI, tags, and the deletes.
 */
import { describe, expect, it } from "vitest";
import { expectAwsError, NO_AWS_CLI, ok, useCliServer } from "./cli-suite.js";
import { createNetwork } from "./network.js";

interface AccessPoint {
  AccessPointId: string;
  RootDirectory: { Path: string };
}

describe.skipIf(NO_AWS_CLI)("aws cli: EFS", () => {
  const cli = useCliServer();
  const aws = cli.aws;

  it("runs a file system's life from creation to deletion", async () => {
    const [network, createdRun, otherRun] = await Promise.all([
      createNetwork(cli, "efs", 20, ["us-east-1a"]),
      aws([
        "efs",
        "create-file-system",
        "--creation-token",
        "data",
        "--tags",
        "Key=Name,Value=data",
      ]),
      aws(["efs", "create-file-system", "--creation-token", "logs", "--encrypted"]),
    ]);
    const created = ok<Record<string, unknown>>(createdRun);
    expect(created).toMatchObject({
      OwnerId: "000000000000",
      CreationToken: "data",
      LifeCycleState: "available",
      Name: "data",
      NumberOfMountTargets: 0,
      PerformanceMode: "generalPurpose",
      Encrypted: false,
      Tags: [{ Key: "Name", Value: "data" }],
    });
    const fs = String(created.FileSystemId);
    expect(fs).toMatch(/^fs-[0-9a-f]{17}$/);
    expect(created.FileSystemArn).toBe(
      `arn:aws:elasticfilesystem:us-east-1:000000000000:file-system/${fs}`,
    );
    expect(ok(otherRun)).toMatchObject({ CreationToken: "logs", Encrypted: true });

    const apArgs = (path: string, uid: number) => [
      "efs",
      "create-access-point",
      "--file-system-id",
      fs,
      "--posix-user",
      JSON.stringify({ Uid: uid, Gid: uid, SecondaryGids: [2000] }),
      "--root-directory",
      `Path=${path},CreationInfo={OwnerUid=${uid},OwnerGid=${uid},Permissions=750}`,
    ];
    const policyFile = cli.file(
      "fs-policy.json",
      JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { AWS: "*" },
            Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
            Condition: { Bool: { "elasticfilesystem:AccessedViaMountTarget": "true" } },
          },
        ],
      }),
    );
    const [again, listed, noPolicy, ap1, ap2, ap3, badPolicy] = await Promise.all([
      aws(["efs", "create-file-system", "--creation-token", "data"]),
      aws(["efs", "describe-file-systems", "--page-size", "1"]),
      aws(["efs", "describe-file-system-policy", "--file-system-id", fs]),
      aws([...apArgs("/app", 1001), "--tags", "Key=Name,Value=app"]),
      aws(apArgs("/etl", 1002)),
      aws(apArgs("/web", 1003)),
      aws(["efs", "put-file-system-policy", "--file-system-id", fs, "--policy", "{not json"]),
    ]);
    expect(expectAwsError(again, "FileSystemAlreadyExists", "CreateFileSystem")).toBe(
      `File system '${fs}' already exists with the same creation token.`,
    );
    // --page-size 1: the CLI asks MaxItems=1 and follows NextMarker until the end.
    const tokens = ok<{ FileSystems: { CreationToken: string }[] }>(listed).FileSystems.map(
      (f) => f.CreationToken,
    );
    expect(tokens.sort()).toEqual(["data", "logs"]);
    expect(expectAwsError(noPolicy, "PolicyNotFound", "DescribeFileSystemPolicy")).toContain(fs);
    expectAwsError(badPolicy, "InvalidPolicyException", "PutFileSystemPolicy");
    const app = ok<Record<string, unknown>>(ap1);
    expect(app).toMatchObject({
      FileSystemId: fs,
      Name: "app",
      LifeCycleState: "available",
      PosixUser: { Uid: 1001, Gid: 1001, SecondaryGids: [2000] },
      RootDirectory: {
        Path: "/app",
        CreationInfo: { OwnerUid: 1001, OwnerGid: 1001, Permissions: "750" },
      },
    });
    expect(app.AccessPointId).toMatch(/^fsap-[0-9a-f]{17}$/);
    const ids = [app, ok(ap2), ok(ap3)].map((a) => String(a.AccessPointId)).sort();

    // Two pages by hand: --max-results 2 gives a NextToken, --next-token the rest.
    const pageArgs = [
      "efs",
      "describe-access-points",
      "--file-system-id",
      fs,
      "--max-results",
      "2",
    ];
    const first = ok<{ AccessPoints: AccessPoint[]; NextToken?: string }>(await aws(pageArgs));
    expect(first.AccessPoints).toHaveLength(2);
    expect(first.NextToken).toEqual(expect.any(String));
    const second = ok<{ AccessPoints: AccessPoint[]; NextToken?: string }>(
      await aws([...pageArgs, "--next-token", String(first.NextToken)]),
    );
    expect(second.NextToken).toBeUndefined();
    const paged = [...first.AccessPoints, ...second.AccessPoints].map((a) => a.AccessPointId);
    expect(paged.sort()).toEqual(ids);

    const [put, target, tagged] = await Promise.all([
      aws([
        "efs",
        "put-file-system-policy",
        "--file-system-id",
        fs,
        "--policy",
        `file://${policyFile}`,
      ]),
      aws([
        "efs",
        "create-mount-target",
        "--file-system-id",
        fs,
        "--subnet-id",
        String(network.subnetIds[0]),
        "--security-groups",
        network.groupId,
      ]),
      aws(["efs", "tag-resource", "--resource-id", fs, "--tags", "Key=team,Value=core"]),
    ]);
    expect(ok(put)).toMatchObject({ FileSystemId: fs });
    const mountTarget = ok<Record<string, unknown>>(target);
    expect(mountTarget).toMatchObject({
      FileSystemId: fs,
      SubnetId: network.subnetIds[0],
      VpcId: network.vpcId,
      AvailabilityZoneName: "us-east-1a",
      LifeCycleState: "available",
    });
    expect(mountTarget.IpAddress).toMatch(/^10\.20\.0\.\d+$/);
    expect(tagged.code, tagged.stderr).toBe(0);

    const mt = String(mountTarget.MountTargetId);
    const [policy, targets, groups, tags, inUse] = await Promise.all([
      aws(["efs", "describe-file-system-policy", "--file-system-id", fs]),
      aws(["efs", "describe-mount-targets", "--file-system-id", fs]),
      aws(["efs", "describe-mount-target-security-groups", "--mount-target-id", mt]),
      aws(["efs", "list-tags-for-resource", "--resource-id", fs]),
      aws(["efs", "delete-file-system", "--file-system-id", fs]),
    ]);
    const stored = ok<{ Policy: string }>(policy).Policy;
    expect(JSON.parse(stored)).toMatchObject({
      Statement: [{ Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"] }],
    });
    expect(ok(targets)).toMatchObject({ MountTargets: [{ MountTargetId: mt }] });
    expect(ok(groups)).toEqual({ SecurityGroups: [network.groupId] });
    expect(ok(tags)).toEqual({
      Tags: [
        { Key: "Name", Value: "data" },
        { Key: "team", Value: "core" },
      ],
    });
    expectAwsError(inUse, "FileSystemInUse", "DeleteFileSystem");

    const deletes = await Promise.all([
      ...ids.map((id) => aws(["efs", "delete-access-point", "--access-point-id", id])),
      aws(["efs", "delete-mount-target", "--mount-target-id", mt]),
      aws(["efs", "delete-file-system-policy", "--file-system-id", fs]),
      aws(["efs", "untag-resource", "--resource-id", fs, "--tag-keys", "team"]),
    ]);
    for (const d of deletes) expect(d.code, d.stderr).toBe(0);
    expect(ok(await aws(["efs", "delete-file-system", "--file-system-id", fs]))).toBeUndefined();
    const gone = await aws(["efs", "describe-file-systems", "--file-system-id", fs]);
    expect(expectAwsError(gone, "FileSystemNotFound", "DescribeFileSystems")).toContain(fs);
  });
});
