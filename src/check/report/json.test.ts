import { describe, expect, it } from "vitest";
import { RENDER_OPTIONS, sampleReport } from "../../../test/support/check-findings.js";
import { JSON_REPORT_VERSION, renderJson } from "./json.js";

describe("renderJson", () => {
  const value = JSON.parse(renderJson(sampleReport(), RENDER_OPTIONS));

  it("has the documented top level", () => {
    expect(Object.keys(value)).toEqual([
      "version",
      "tool",
      "failOn",
      "findings",
      "diagnostics",
      "files",
      "summary",
    ]);
    expect(value.version).toBe(JSON_REPORT_VERSION);
    expect(value.tool).toEqual({ name: "accesslab", version: "9.9.9" });
    expect(value.failOn).toBe("error");
  });

  it("lists shown findings with flat positions, and omits a position it does not know", () => {
    expect(value.findings).toHaveLength(4);
    expect(value.findings[0]).toEqual({
      ruleId: "efs-access-point-root-user",
      severity: "error",
      title: "DataAccessPoint will fail",
      file: "templates/app.yaml",
      logicalId: "DataAccessPoint",
      line: 12,
      column: 5,
      explanation: expect.stringMatching(/^Lambda mounts/),
      evidence: expect.arrayContaining(["mkdir /data: EACCES (uid 1000, dir 0:0 755)"]),
      fix: expect.stringMatching(/^set CreationInfo/),
    });
    expect(value.findings[3]).not.toHaveProperty("line");
  });

  it("counts suppressed findings in the summary without listing them", () => {
    expect(JSON.stringify(value.findings)).not.toContain("ApiSecret");
    expect(value.summary).toMatchObject({
      filesChecked: 3,
      resourcesChecked: 6,
      findings: 4,
      bySeverity: { error: 2, warning: 1, info: 1 },
      suppressed: 2,
      templateErrors: 1,
      failed: true,
    });
    expect(value.summary.byRule.map((r: { ruleId: string }) => r.ruleId)).toEqual([
      "efs-access-point-root-user",
      "efs-file-system-no-policy",
      "iam-trust-unused-service",
      "lambda-efs-write-denied",
      "secrets-endpoint-deny",
    ]);
  });

  it("lists template diagnostics and files", () => {
    expect(value.diagnostics).toEqual([
      {
        severity: "error",
        code: "yaml-syntax",
        message: "unexpected end of the stream",
        file: "templates/broken.yaml",
        line: 7,
        column: 1,
      },
    ]);
    expect(value.files[0]).toEqual({ file: "templates/app.yaml", resources: 5 });
  });
});
