/**
 * The shared-root probe: when two access points of one file system expose
 * the same root directory as different users, a file created through one
 * (as a program would, mode 0666 under the usual umask 022) is appended to
 * through the other. A refusal is the finding, on the access point whose
 * clients cannot change the files; the probe's file is removed afterwards.
 */
import { describeErrno } from "../../engines/posix/errno.js";
import { getAccessPoint } from "../../services/efs/control-plane.js";
import { unlink, writeFile } from "../../services/efs/file-tree.js";
import type { AccessPoint } from "../../services/efs/model.js";
import type { Finding } from "../finding.js";
import { findingOf } from "../finding-of.js";
import { type DeployedResource, type Probe, resourcesOfType } from "../probe.js";
import { probeMount } from "./probe-mount.js";

const PROBE_FILE = "/.accesslab-shared-probe";

interface Enforced {
  readonly resource: DeployedResource;
  readonly ap: AccessPoint & { readonly posixUser: NonNullable<AccessPoint["posixUser"]> };
}

/**
 * Probes every pair of access points that share a root directory.
 *
 * @example
 * probeSharedRoots({ ctx, resources }); // [{ ruleId: "efs-access-point-cross-user-files", … }]
 */
export const probeSharedRoots: Probe = (run) => {
  const enforced: Enforced[] = [];
  for (const resource of resourcesOfType(run, "AWS::EFS::AccessPoint")) {
    const ap = getAccessPoint(run.ctx, resource.physicalId);
    if (ap.posixUser !== undefined)
      enforced.push({ resource, ap: { ...ap, posixUser: ap.posixUser } });
  }
  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (const writer of enforced) {
    for (const other of enforced) {
      const same =
        writer !== other &&
        writer.ap.fileSystemId === other.ap.fileSystemId &&
        writer.ap.rootDirectory.path === other.ap.rootDirectory.path &&
        writer.ap.posixUser.uid !== other.ap.posixUser.uid;
      if (!same || reported.has(other.resource.logicalId)) continue;
      const found = tryAppend(run.ctx, writer, other);
      if (found !== undefined) {
        reported.add(other.resource.logicalId);
        findings.push(found);
      }
    }
  }
  return findings;
};

function tryAppend(
  ctx: Parameters<typeof getAccessPoint>[0],
  writer: Enforced,
  other: Enforced,
): Finding | undefined {
  const first = probeMount(ctx, writer.ap.fileSystemId, writer.ap.accessPointId);
  const second = probeMount(ctx, other.ap.fileSystemId, other.ap.accessPointId);
  if ("refusal" in first || "refusal" in second) return undefined;
  const created = writeFile(first.mount.session, PROBE_FILE, "first\n");
  if (!created.ok) return undefined;
  const appended = writeFile(second.mount.session, PROBE_FILE, "second\n", { append: true });
  unlink(first.mount.session, PROBE_FILE);
  if (appended.ok) return undefined;
  const w = writer.ap.posixUser;
  const o = other.ap.posixUser;
  const path = other.ap.rootDirectory.path;
  return findingOf({
    ruleId: "efs-access-point-cross-user-files",
    resource: other.resource,
    values: {
      accessPoint: other.resource.logicalId,
      otherAccessPoint: writer.resource.logicalId,
      path,
      uid: String(o.uid),
      gid: String(o.gid),
      otherUid: String(w.uid),
      otherGid: String(w.gid),
    },
    evidence: [
      `through ${writer.resource.logicalId} as ${w.uid}:${w.gid}: echo first > ${path}${PROBE_FILE}   # -rw-r--r-- ${created.value.uid} ${created.value.gid}`,
      `through ${other.resource.logicalId} as ${o.uid}:${o.gid}: echo second >> ${path}${PROBE_FILE}`,
      `bash: ${path}${PROBE_FILE}: ${describeErrno(appended.errno)}`,
    ],
    path: ["PosixUser"],
  });
}
