import { describe, expect, it } from "vitest";
import type { Finding } from "./finding.js";
import { checkTemplates, type DocumentProbe } from "./run-check.js";
import { applySuppressions } from "./suppress.js";

const FILES: Record<string, string> = {
  "app.yaml": `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  DataFs:
    Type: AWS::EFS::FileSystem
    Metadata:
      accesslab:
        ignore:
          - {id: efs-file-system-no-policy, reason: only this VPC}
          - {id: efs-other}
  Ap:
    Type: AWS::EFS::AccessPoint
    Properties:
      FileSystemId: !Ref DataFs
`,
  "role.json": '{"Resources": {"Role": {"Type": "AWS::IAM::Role"}}}',
  "broken.yaml": "Resources:\n  X: [\n",
  "svc/serverless.yml": "service: x\nprovider: {name: aws}\n",
};

const readText = (file: string) => {
  const text = FILES[file];
  if (text === undefined) throw new Error(`cannot read \`${file}\`: no such file or directory`);
  return text;
};

const probe: DocumentProbe = (document) => ({
  diagnostics: [],
  findings: [
    {
      ruleId: "test-probe",
      severity: "error",
      title: `probed ${document.file}`,
      file: document.file,
      logicalId: "-",
      explanation: "e",
      evidence: [],
      fix: "f",
    } satisfies Finding,
  ],
});

describe("checkTemplates", () => {
  it("reads templates, lists their resources and collects metadata ignores", async () => {
    const result = await checkTemplates(["app.yaml", "role.json"], { readText });
    expect(result.diagnostics).toEqual([]);
    expect(result.filesChecked).toEqual([
      {
        file: "app.yaml",
        resources: [
          { logicalId: "DataFs", type: "AWS::EFS::FileSystem", position: { line: 3, column: 3 } },
          { logicalId: "Ap", type: "AWS::EFS::AccessPoint", position: { line: 10, column: 3 } },
        ],
      },
      {
        file: "role.json",
        resources: [
          { logicalId: "Role", type: "AWS::IAM::Role", position: { line: 1, column: 16 } },
        ],
      },
    ]);
    expect(result.ignores.map((r) => [r.ruleId, r.logicalId, r.file])).toEqual([
      ["efs-file-system-no-policy", "DataFs", "app.yaml"],
    ]);
    expect(result.findings.map((f) => [f.ruleId, f.position?.line])).toEqual([
      ["accesslab-suppression-without-reason", 9],
    ]);
  });

  it("reports unreadable and unparsable files and runs probes only on the rest", async () => {
    const progress: string[] = [];
    const result = await checkTemplates(["missing.yaml", "broken.yaml", "role.json"], {
      readText,
      probes: [probe],
      onProgress: (done, total, file) => progress.push(`${done}/${total} ${file}`),
    });
    expect(result.diagnostics.map((d) => [d.file, d.severity, d.code])).toEqual([
      ["missing.yaml", "error", "unreadable"],
      ["broken.yaml", "error", expect.any(String)],
    ]);
    expect(result.diagnostics[0]?.message).toBe(
      "cannot read `missing.yaml`: no such file or directory",
    );
    expect(result.diagnostics[1]?.position?.line).toBeGreaterThan(0);
    expect(result.filesChecked.map((f) => f.file)).toEqual(["role.json"]);
    expect(result.findings.map((f) => f.title)).toEqual(["probed role.json"]);
    expect(progress).toEqual(["1/3 missing.yaml", "2/3 broken.yaml", "3/3 role.json"]);
  });

  it("says how to package a Serverless Framework service file", async () => {
    const result = await checkTemplates(["svc/serverless.yml"], { readText });
    expect(result.diagnostics[0]?.code).toBe("serverless-not-packaged");
    expect(result.diagnostics[0]?.message).toContain("serverless package");
  });

  it("metadata ignore entries silence a probe's finding on that resource only", async () => {
    const noPolicy: DocumentProbe = (document) => ({
      diagnostics: [],
      findings: ["DataFs", "Ap"].map((logicalId) => ({
        ruleId: "efs-file-system-no-policy",
        severity: "warning" as const,
        title: "t",
        file: document.file,
        logicalId,
        explanation: "e",
        evidence: [],
        fix: "f",
      })),
    });
    const result = await checkTemplates(["app.yaml"], { readText, probes: [noPolicy] });
    const { shown, suppressed } = applySuppressions(result.findings, result.ignores);
    expect(suppressed.map((s) => [s.finding.logicalId, s.rule.reason])).toEqual([
      ["DataFs", "only this VPC"],
    ]);
    expect(shown.map((f) => [f.ruleId, f.logicalId])).toEqual([
      ["accesslab-suppression-without-reason", "DataFs"],
      ["efs-file-system-no-policy", "Ap"],
    ]);
  });
});
