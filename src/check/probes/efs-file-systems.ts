/**
 * The file system probe: for each `AWS::EFS::FileSystem`, an anonymous
 * client (plain NFS, no TLS, no IAM credentials) mounts it from inside the
 * VPC. EFS's default policy, or a policy that allows ClientMount to `*`
 * without a condition only IAM clients meet, lets that mount through; the
 * accepted mount is the evidence.
 */
import { mount } from "../../services/efs/mount.js";
import { LAMBDA_SANDBOX_IDENTITY } from "../../services/lambda/assumptions.js";
import type { Finding } from "../finding.js";
import { findingOf } from "../finding-of.js";
import { type Probe, resourcesOfType } from "../probe.js";
import { PROBE_SOURCE_IP } from "./probe-mount.js";

/**
 * Probes every file system of the template.
 *
 * @example
 * probeFileSystems({ ctx, resources }); // [{ ruleId: "efs-anonymous-mount-allowed", … }]
 */
export const probeFileSystems: Probe = (run) => {
  const findings: Finding[] = [];
  for (const resource of resourcesOfType(run, "AWS::EFS::FileSystem")) {
    const fileSystemId = resource.physicalId;
    const anonymous = mount(run.ctx, {
      fileSystemId,
      client: { ...LAMBDA_SANDBOX_IDENTITY, groups: [...LAMBDA_SANDBOX_IDENTITY.groups] },
      tls: false,
      iam: false,
      viaMountTarget: true,
      sourceIp: PROBE_SOURCE_IP,
    });
    if ("refusal" in anonymous) continue;
    const source = `${PROBE_SOURCE_IP} (inside the VPC)`;
    findings.push(
      findingOf({
        ruleId: "efs-anonymous-mount-allowed",
        resource,
        values: { fileSystem: resource.logicalId, source },
        evidence: [
          `$ mount -t nfs4 ${fileSystemId}.efs.us-east-1.amazonaws.com:/ /mnt/anonymous   # from ${source}, no credentials`,
          `mounted: ClientMount, ClientWrite and ClientRootAccess granted to an anonymous client`,
        ],
        path: ["FileSystemPolicy"],
      }),
    );
  }
  return findings;
};
