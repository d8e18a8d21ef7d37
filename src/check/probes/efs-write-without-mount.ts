/**
 * The probe for file system policies that grant writing or root access
 * without the right to mount. For each role a file system policy names in
 * an Allow of `ClientWrite` or `ClientRootAccess`, EFS's authorization is
 * asked, as for a TLS and IAM mount by that role's session, what the role
 * may do; both sides count (the file system policy and the role's identity
 * policies), so a CDK-style policy plus an identity grant of ClientMount is
 * fine. Write or root access without ClientMount is the finding.
 */
import { getFileSystem } from "../../services/efs/control-plane.js";
import {
  authorizeClient,
  CLIENT_ACTIONS,
  type ClientAction,
} from "../../services/efs/mount-authorize.js";
import { principalPolicies } from "../../services/iam/principal-policies.js";
import type { Finding } from "../finding.js";
import { findingOf } from "../finding-of.js";
import { type Probe, resourcesOfType } from "../probe.js";
import { PROBE_SOURCE_IP } from "./probe-mount.js";

const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;

/**
 * Probes every file system policy of the template.
 *
 * @example
 * probeWriteWithoutMount({ ctx, resources }); // [{ ruleId: "efs-write-without-mount", … }]
 */
export const probeWriteWithoutMount: Probe = (run) => {
  const findings: Finding[] = [];
  for (const resource of resourcesOfType(run, "AWS::EFS::FileSystem")) {
    const fs = getFileSystem(run.ctx, resource.physicalId);
    if (fs.policy === undefined) continue;
    for (const roleArn of writeGrantees(fs.policy)) {
      const match = ROLE_ARN.exec(roleArn);
      if (match === null) continue;
      const session = `arn:aws:sts::${match[1]}:assumed-role/${match[2]}/accesslab-probe`;
      const caller = { ...principalPolicies(run.ctx, session), principal: session };
      const grants = authorizeClient(fs, undefined, {
        caller,
        tls: true,
        viaMountTarget: true,
        sourceIp: PROBE_SOURCE_IP,
      });
      const allowed = (a: ClientAction) => grants[a].decision === "Allowed";
      const extra = CLIENT_ACTIONS.filter((a) => a !== "ClientMount" && allowed(a));
      if (allowed("ClientMount") || extra.length === 0) continue;
      const principal =
        run.resources.find((r) => r.type === "AWS::IAM::Role" && r.physicalId === match[2])
          ?.logicalId ?? roleArn;
      findings.push(
        findingOf({
          ruleId: "efs-write-without-mount",
          resource,
          values: { fileSystem: resource.logicalId, actions: extra.join(", "), principal },
          evidence: CLIENT_ACTIONS.map(
            (a) => `elasticfilesystem:${a} for ${session}: ${grants[a].decision}`,
          ),
          path: ["FileSystemPolicy"],
        }),
      );
    }
  }
  return findings;
};

/** The AWS principals an Allow statement grants ClientWrite or ClientRootAccess. */
function writeGrantees(policyText: string): string[] {
  let policy: unknown;
  try {
    policy = JSON.parse(policyText);
  } catch {
    return [];
  }
  const statements = list((policy as { Statement?: unknown }).Statement);
  const found = new Set<string>();
  for (const s of statements) {
    if (typeof s !== "object" || s === null) continue;
    const statement = s as { Effect?: unknown; Action?: unknown; Principal?: unknown };
    if (statement.Effect !== "Allow") continue;
    const actions = list(statement.Action).map(String);
    const writes = actions.some((a) => /^elasticfilesystem:Client(Write|RootAccess)$/i.test(a));
    if (!writes) continue;
    const principal = statement.Principal;
    if (typeof principal !== "object" || principal === null) continue;
    for (const arn of list((principal as { AWS?: unknown }).AWS)) {
      if (typeof arn === "string") found.add(arn);
    }
  }
  return [...found];
}

function list(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
