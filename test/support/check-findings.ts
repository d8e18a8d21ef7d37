/**
 * A fixed report for the `accesslab check` report-format tests: two
 * template files, findings of every severity (one without a position, one
 * with characters that need escaping), one suppressed finding from each
 * kind of ignore entry, and one template that could not be read.
 */
import type { Finding } from "../../src/check/finding.js";
import type { CheckReport, RenderOptions } from "../../src/check/report/model.js";

/** A finding with the given parts and plausible words for the rest. */
function finding(
  parts: Partial<Finding> & Pick<Finding, "ruleId" | "severity" | "logicalId">,
): Finding {
  return {
    title: `${parts.logicalId} will fail`,
    file: "templates/app.yaml",
    explanation:
      "Lambda mounts the access point as its execution role over TLS and then acts as the access point's PosixUser, so every file operation below the root runs as that user.",
    evidence: [
      "efs:ClientMount allowed by FsPolicy statement 0",
      "mkdir /data: EACCES (uid 1000, dir 0:0 755)",
    ],
    fix: "set CreationInfo on the access point's RootDirectory with OwnerUid 1000",
    ...parts,
  };
}

/** Findings of {@link sampleReport}, shown. */
export const SHOWN: readonly Finding[] = [
  finding({
    ruleId: "efs-access-point-root-user",
    severity: "error",
    logicalId: "DataAccessPoint",
    position: { line: 12, column: 5 },
  }),
  finding({
    ruleId: "lambda-efs-write-denied",
    severity: "error",
    logicalId: "Worker",
    position: { line: 30, column: 5 },
  }),
  finding({
    ruleId: "iam-trust-unused-service",
    severity: "warning",
    logicalId: "DeployRole",
    file: "templates/deploy role.json",
    position: { line: 4, column: 7 },
    title: 'role trusts <lambda> & "ecs"',
  }),
  finding({ ruleId: "efs-file-system-no-policy", severity: "info", logicalId: "SharedFs" }),
];

/** Findings of {@link sampleReport}, suppressed. */
export const SUPPRESSED: readonly Finding[] = [
  finding({
    ruleId: "efs-file-system-no-policy",
    severity: "warning",
    logicalId: "DataFs",
    position: { line: 3, column: 3 },
  }),
  finding({
    ruleId: "secrets-endpoint-deny",
    severity: "error",
    logicalId: "ApiSecret",
    position: { line: 40, column: 3 },
  }),
];

/** The fixed report, failing at `error`. */
export function sampleReport(): CheckReport {
  const [metadataOne, configOne] = SUPPRESSED as [Finding, Finding];
  return {
    findings: SHOWN,
    suppressed: [
      {
        finding: metadataOne,
        rule: {
          ruleId: "efs-file-system-no-policy",
          reason: "only this VPC",
          source: "metadata",
          logicalId: "DataFs",
          file: "templates/app.yaml",
          declaredIn: "templates/app.yaml",
          position: { line: 6, column: 13 },
        },
      },
      {
        finding: configOne,
        rule: {
          ruleId: "secrets-*",
          reason: "endpoint comes later",
          source: "config",
          declaredIn: ".accesslab.yaml",
          position: { line: 2, column: 5 },
        },
      },
    ],
    diagnostics: [
      {
        severity: "error",
        code: "yaml-syntax",
        message: "unexpected end of the stream",
        file: "templates/broken.yaml",
        position: { line: 7, column: 1 },
      },
    ],
    files: [
      {
        file: "templates/app.yaml",
        resources: [
          { logicalId: "DataFs" },
          { logicalId: "DataAccessPoint" },
          { logicalId: "Worker" },
          { logicalId: "SharedFs" },
          { logicalId: "ApiSecret" },
        ],
      },
      { file: "templates/deploy role.json", resources: [{ logicalId: "DeployRole" }] },
      { file: "templates/empty.yaml", resources: [] },
    ],
    failOn: "error",
  };
}

/** Render options for the fixed report. */
export const RENDER_OPTIONS: RenderOptions = { toolVersion: "9.9.9", workingDirectory: "/repo" };
