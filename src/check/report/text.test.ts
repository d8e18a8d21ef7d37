import { describe, expect, it } from "vitest";
import { sampleReport } from "../../../test/support/check-findings.js";
import { renderText } from "./text.js";

describe("renderText", () => {
  const text = renderText(sampleReport());
  const lines = text.split("\n");

  it("groups findings by file and puts each finding's header on one line", () => {
    const app = lines.indexOf("== templates/app.yaml");
    const role = lines.indexOf("== templates/deploy role.json");
    expect(app).toBeGreaterThanOrEqual(0);
    expect(role).toBeGreaterThan(app);
    expect(lines).toContain(
      "templates/app.yaml:12:5  error  efs-access-point-root-user  DataAccessPoint  DataAccessPoint will fail",
    );
    expect(lines).toContain(
      "templates/app.yaml  info  efs-file-system-no-policy  SharedFs  SharedFs will fail",
    );
    const roleHeader = lines.findIndex((l) => l.startsWith("templates/deploy role.json:4:7"));
    expect(roleHeader).toBeGreaterThan(role);
  });

  it("wraps the explanation, indents the evidence and ends with the fix", () => {
    const header = lines.indexOf(
      "templates/app.yaml:30:5  error  lambda-efs-write-denied  Worker  Worker will fail",
    );
    const body = lines.slice(header + 1, lines.indexOf("", header));
    expect(body[0]).toMatch(/^ {4}Lambda mounts the access point/);
    expect(body.every((l) => l.length <= 100)).toBe(true);
    expect(body).toContain("    evidence:");
    expect(body).toContain("      mkdir /data: EACCES (uid 1000, dir 0:0 755)");
    expect(body.at(-1)).toMatch(/^ {4}fix: set CreationInfo/);
  });

  it("shows unreadable templates with their position and hides suppressed findings", () => {
    expect(lines).toContain(
      "templates/broken.yaml:7:1  error  template/yaml-syntax  unexpected end of the stream",
    );
    expect(text).not.toContain("DataFs will fail");
    expect(text).not.toContain("ApiSecret");
  });

  it("ends with a summary table by severity and by rule, suppressed counted", () => {
    expect(lines).toContain("summary: 3 files, 6 resources checked");
    expect(lines).toContain("  error              2");
    expect(lines).toContain("  warning            1");
    expect(lines).toContain("  info               1");
    expect(lines).toContain("  suppressed         2");
    const rule = lines.find((l) => l.trim().startsWith("efs-file-system-no-policy"));
    expect(rule?.trim().split(/\s+/)).toEqual(["efs-file-system-no-policy", "info", "1", "1"]);
    const secrets = lines.find((l) => l.trim().startsWith("secrets-endpoint-deny"));
    expect(secrets?.trim().split(/\s+/)).toEqual(["secrets-endpoint-deny", "error", "0", "1"]);
    expect(lines.at(-2)).toBe("result: unusable input (1 template error)");
  });

  it("says passed or failed by the fail level when every template was read", () => {
    const readable = { ...sampleReport(), diagnostics: [] };
    expect(renderText(readable)).toContain("result: failed (findings at or above `error`)\n");
    const quiet = { ...readable, findings: readable.findings.filter((f) => f.severity === "info") };
    expect(renderText(quiet)).toContain("result: passed (no findings at or above `error`)\n");
  });
});
