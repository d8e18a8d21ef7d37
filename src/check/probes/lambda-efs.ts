/**
 * The Lambda-with-EFS probe, step by step as Lambda goes when an instance
 * starts: for each `AWS::Lambda::Function` with FileSystemConfigs, every
 * subnet's Availability Zone needs a mount target of the file system, the
 * function's security groups and the mount target's must let TCP 2049
 * through, the file system must admit the execution role's session over
 * TLS with IAM, the access point's root directory must exist or be
 * creatable, and then, as the identity Lambda's code has (the access
 * point's PosixUser, else the sandbox user), a file is created and the
 * mount root listed. The first step that fails is the finding.
 */
import { describeErrno } from "../../engines/posix/errno.js";
import { findSubnet } from "../../services/ec2/lookup.js";
import { canConnect } from "../../services/ec2/reachability.js";
import { getAccessPoint } from "../../services/efs/control-plane.js";
import { readdir, unlink, writeFile } from "../../services/efs/file-tree.js";
import { mount } from "../../services/efs/mount.js";
import { listMountTargets } from "../../services/efs/mount-targets.js";
import { subnetAddress } from "../../services/efs/subnet-address.js";
import { principalPolicies } from "../../services/iam/principal-policies.js";
import { LAMBDA_SANDBOX_IDENTITY } from "../../services/lambda/assumptions.js";
import { instanceInterface } from "../../services/lambda/instance-interface.js";
import type { FileSystemConfig, LambdaFunction } from "../../services/lambda/model.js";
import type { Finding } from "../finding.js";
import { findingOf } from "../finding-of.js";
import { byPhysicalId, type DeployedResource, type Probe, type ProbeRun } from "../probe.js";
import { deployedFunctions, functionSession } from "./function-context.js";

const NFS_PORT = 2049;
const PROBE_FILE = ".accesslab-write-probe";

/**
 * Probes every function that mounts EFS.
 *
 * @example
 * probeLambdaEfs({ ctx, resources }); // [{ ruleId: "lambda-efs-nfs-blocked", … }]
 */
export const probeLambdaEfs: Probe = (run) => {
  const findings: Finding[] = [];
  for (const { resource, fn } of deployedFunctions(run)) {
    fn.fileSystemConfigs.forEach((config, index) => {
      const found = probeOne(run, resource, fn, config, index);
      if (found !== undefined) findings.push(found);
    });
  }
  return findings;
};

function probeOne(
  run: ProbeRun,
  resource: DeployedResource,
  fn: LambdaFunction,
  config: FileSystemConfig,
  index: number,
): Finding | undefined {
  const { ctx } = run;
  const accessPointId = config.arn.slice(config.arn.lastIndexOf("/") + 1);
  const ap = getAccessPoint(ctx, accessPointId);
  const path = ["FileSystemConfigs", index];
  const user = ap.posixUser ?? LAMBDA_SANDBOX_IDENTITY;
  const values: Record<string, string> = {
    function: resource.logicalId,
    accessPoint:
      byPhysicalId(run, "AWS::EFS::AccessPoint", ap.accessPointId)?.logicalId ?? ap.accessPointId,
    fileSystem:
      byPhysicalId(run, "AWS::EFS::FileSystem", ap.fileSystemId)?.logicalId ?? ap.fileSystemId,
    mountPath: config.localMountPath,
    path: ap.rootDirectory.path,
    role: fn.role,
    identity: ap.posixUser
      ? `${user.uid}:${user.gid} (the access point's PosixUser)`
      : `${user.uid}:${user.gid} (Lambda sandbox user)`,
  };
  const finding = (ruleId: string, evidence: string[], extra: Record<string, string> = {}) =>
    findingOf({ ruleId, resource, values: { ...values, ...extra }, evidence, path });

  const vpc = fn.vpcConfig;
  if (vpc === undefined || vpc.subnetIds.length === 0)
    return finding("lambda-efs-no-vpc", ["VpcConfig: none"]);
  const targets = listMountTargets(ctx, ap.fileSystemId);
  for (const subnetId of vpc.subnetIds) {
    const subnet = findSubnet(ctx, subnetId);
    if (subnet === undefined) continue;
    const subnetName = byPhysicalId(run, "AWS::EC2::Subnet", subnetId)?.logicalId ?? subnetId;
    const target = targets.find((t) => t.availabilityZoneName === subnet.availabilityZone);
    if (target === undefined)
      return finding(
        "lambda-efs-no-mount-target",
        [
          `subnet ${subnetId} is in ${subnet.availabilityZone}; mount targets: ${targets.map((t) => t.availabilityZoneName).join(", ") || "none"}`,
        ],
        { subnet: subnetName, az: subnet.availabilityZone },
      );
    const from = {
      securityGroupIds: vpc.securityGroupIds,
      subnetId,
      ...subnetAddress(subnet.cidrBlock, "last"),
    };
    const to = {
      securityGroupIds: target.securityGroups,
      subnetId: target.subnetId,
      ip: target.ipAddress,
    };
    const nfs = canConnect(ctx, { from, to, protocol: "tcp", port: NFS_PORT });
    if (!nfs.allowed)
      return finding("lambda-efs-nfs-blocked", nfs.reasons, {
        subnet: subnetName,
        az: subnet.availabilityZone,
        reason: nfs.reasons.at(-1) ?? "no rule allows it",
      });
  }

  const { session } = functionSession(ctx, fn);
  const policies = principalPolicies(ctx, session);
  const command = `mount -t efs -o tls,iam,accesspoint=${ap.accessPointId} ${ap.fileSystemId}:/ ${config.localMountPath}`;
  const mounted = mount(ctx, {
    fileSystemId: ap.fileSystemId,
    accessPointId: ap.accessPointId,
    client: { ...LAMBDA_SANDBOX_IDENTITY, groups: [...LAMBDA_SANDBOX_IDENTITY.groups] },
    caller: { ...policies, principal: session },
    tls: true,
    iam: true,
    viaMountTarget: true,
    sourceIp: instanceInterface(ctx, fn)?.ip ?? "10.0.0.10",
  });
  if ("refusal" in mounted) {
    const evidence = [`$ ${command}   # as ${session}`, mounted.refusal.message];
    if (mounted.refusal.code.startsWith("root-directory"))
      return finding("lambda-efs-root-directory-missing", evidence);
    return finding("lambda-efs-mount-denied", evidence);
  }
  const { session: fsSession, root } = mounted.mount;
  const owner = {
    ownerUid: String(root.uid),
    ownerGid: String(root.gid),
    mode: (root.mode & 0o7777).toString(8),
  };
  const file = `/${PROBE_FILE}`;
  const written = writeFile(fsSession, file, "");
  if (!written.ok)
    return finding(
      "lambda-efs-write-denied",
      [
        `$ ${command}`,
        `$ touch ${config.localMountPath}${file}`,
        `touch: cannot touch '${config.localMountPath}${file}': ${describeErrno(written.errno)}`,
      ],
      owner,
    );
  unlink(fsSession, file);
  const listed = readdir(fsSession, "/");
  if (!listed.ok)
    return finding(
      "lambda-efs-read-denied",
      [
        `$ ${command}`,
        `$ ls ${config.localMountPath}`,
        `ls: cannot open directory '${config.localMountPath}': ${describeErrno(listed.errno)}`,
      ],
      owner,
    );
  return undefined;
}
