/**
 * The access point probe. For each `AWS::EFS::AccessPoint` it reads what
 * EFS stored (PosixUser, RootDirectory), then mounts through it as a
 * Lambda function would and tries to create a file at the mount root:
 * a PosixUser of 0:0, no PosixUser, `/` as the root, a root directory EFS
 * cannot create (no CreationInfo), one the enforced user cannot enter, and
 * one it cannot write in each become a finding with the mount or write
 * transcript as evidence.
 */

import { describeErrno } from "../../engines/posix/errno.js";
import { modeString } from "../../engines/posix/mode.js";
import { getAccessPoint } from "../../services/efs/control-plane.js";
import { stat, unlink, writeFile } from "../../services/efs/file-tree.js";
import type { AccessPoint } from "../../services/efs/model.js";
import { LAMBDA_SANDBOX_IDENTITY } from "../../services/lambda/assumptions.js";
import type { Finding } from "../finding.js";
import { findingOf, type ProbeResult } from "../finding-of.js";
import { byPhysicalId, type DeployedResource, type Probe, resourcesOfType } from "../probe.js";
import { probeMount } from "./probe-mount.js";

/** The file the write probe creates (and removes) at the mount root. */
const PROBE_FILE = "/.accesslab-write-probe";

/**
 * Probes every access point of the template.
 *
 * @example
 * probeAccessPoints({ ctx, resources }); // [{ ruleId: "efs-access-point-no-creation-info", … }]
 */
export const probeAccessPoints: Probe = (run) => {
  const findings: Finding[] = [];
  for (const resource of resourcesOfType(run, "AWS::EFS::AccessPoint")) {
    const ap = getAccessPoint(run.ctx, resource.physicalId);
    const fileSystem =
      byPhysicalId(run, "AWS::EFS::FileSystem", ap.fileSystemId)?.logicalId ?? ap.fileSystemId;
    const user = ap.posixUser;
    const values: Record<string, string> = {
      accessPoint: resource.logicalId,
      fileSystem,
      path: ap.rootDirectory.path,
      uid: String(user?.uid ?? LAMBDA_SANDBOX_IDENTITY.uid),
      gid: String(user?.gid ?? LAMBDA_SANDBOX_IDENTITY.gid),
    };
    const found = (ruleId: string, evidence: string[], path?: (string | number)[]) =>
      findings.push(findingOf(result(ruleId, resource, values, evidence, path)));
    if (user?.uid === 0 || user?.gid === 0) {
      found("efs-access-point-root-user", [`PosixUser ${user.uid}:${user.gid}`], ["PosixUser"]);
    }
    if (user === undefined) {
      found("efs-access-point-no-posix-user", [sandboxNote()], []);
    }
    if (ap.rootDirectory.path === "/") {
      found("efs-access-point-file-system-root", ["RootDirectory.Path `/`"], ["RootDirectory"]);
    }
    for (const r of mountAndWrite(run.ctx, ap, resource, values)) findings.push(findingOf(r));
  }
  return findings;
};

function mountAndWrite(
  ctx: Parameters<typeof getAccessPoint>[0],
  ap: AccessPoint,
  resource: DeployedResource,
  values: Record<string, string>,
): ProbeResult[] {
  const command = `mount -t efs -o tls,iam,accesspoint=${ap.accessPointId} ${ap.fileSystemId}:/ /mnt/probe`;
  const mounted = probeMount(ctx, ap.fileSystemId, ap.accessPointId);
  if ("refusal" in mounted) {
    const evidence = [`$ ${command}`, mounted.refusal.message];
    if (mounted.refusal.code === "root-directory-missing")
      return [
        result("efs-access-point-no-creation-info", resource, values, evidence, ["RootDirectory"]),
      ];
    if (mounted.refusal.code === "root-directory-not-searchable")
      return [
        result(
          "efs-access-point-root-not-searchable",
          resource,
          { ...values, ...ownerOf(ctx, ap) },
          evidence,
          ["RootDirectory"],
        ),
      ];
    return [];
  }
  const { session, root } = mounted.mount;
  const owner = { ...values, ...ownerValues(root) };
  const written = writeFile(session, PROBE_FILE, "");
  if (written.ok) {
    unlink(session, PROBE_FILE);
    return [];
  }
  // Without a PosixUser the access point enforces nothing: which client
  // fails to write is the workload's finding (lambda-efs-write-denied).
  if (ap.posixUser === undefined) return [];
  const listing = `${modeString(root.mode)} ${root.uid} ${root.gid} /mnt/probe`;
  const evidence = [
    `$ ${command}`,
    `$ ls -ld /mnt/probe`,
    listing,
    `$ touch /mnt/probe${PROBE_FILE}   # as ${values.uid}:${values.gid}`,
    `touch: cannot touch '/mnt/probe${PROBE_FILE}': ${describeErrno(written.errno)}`,
  ];
  return [
    result("efs-access-point-root-not-writable", resource, owner, evidence, ["RootDirectory"]),
  ];
}

/** Owner and mode of the access point's root, seen from the file system root. */
function ownerOf(
  ctx: Parameters<typeof getAccessPoint>[0],
  ap: AccessPoint,
): Record<string, string> {
  const whole = probeMount(ctx, ap.fileSystemId);
  if ("refusal" in whole) return {};
  const found = stat(whole.mount.session, ap.rootDirectory.path);
  return found.ok ? ownerValues(found.value) : {};
}

function ownerValues(inode: { uid: number; gid: number; mode: number }): Record<string, string> {
  return {
    ownerUid: String(inode.uid),
    ownerGid: String(inode.gid),
    mode: (inode.mode & 0o7777).toString(8),
  };
}

function result(
  ruleId: string,
  resource: DeployedResource,
  values: Record<string, string>,
  evidence: readonly string[],
  path?: readonly (string | number)[],
): ProbeResult {
  return { ruleId, resource, values, evidence, ...(path === undefined ? {} : { path }) };
}

function sandboxNote(): string {
  const { uid, gid } = LAMBDA_SANDBOX_IDENTITY;
  return `no PosixUser: a Lambda function's requests arrive as its sandbox user ${uid}:${gid}`;
}
