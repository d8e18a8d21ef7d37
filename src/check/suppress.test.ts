import { describe, expect, it } from "vitest";
import type { Finding } from "./finding.js";
import { matchesPattern, normalizePath } from "./pattern.js";
import { applySuppressions, ignores } from "./suppress.js";
import type { IgnoreRule } from "./suppression.js";

const finding = (ruleId: string, logicalId: string, file = "templates/app.yaml"): Finding => ({
  ruleId,
  severity: "error",
  title: "t",
  file,
  logicalId,
  explanation: "e",
  evidence: [],
  fix: "f",
});

const rule = (parts: Partial<IgnoreRule>): IgnoreRule => ({
  ruleId: "efs-file-system-no-policy",
  reason: "r",
  source: "config",
  declaredIn: ".accesslab.yaml",
  ...parts,
});

describe("matchesPattern", () => {
  it("matches literally without stars, `*` within a segment, `**` across", () => {
    expect(matchesPattern("efs-a", "efs-a")).toBe(true);
    expect(matchesPattern("efs-a", "efs-ab")).toBe(false);
    expect(matchesPattern("efs-*", "efs-access-point-root-user")).toBe(true);
    expect(matchesPattern("efs-*", "lambda-efs")).toBe(false);
    expect(matchesPattern("templates/*.yaml", "templates/a.yaml")).toBe(true);
    expect(matchesPattern("templates/*.yaml", "templates/x/a.yaml")).toBe(false);
    expect(matchesPattern("templates/**.yaml", "templates/x/a.yaml")).toBe(true);
    expect(matchesPattern("a.b", "aXb")).toBe(false);
  });

  it("normalizes paths to forward slashes without ./", () => {
    expect(normalizePath(".\\templates\\a.yaml")).toBe("templates/a.yaml");
    expect(normalizePath("./a.yaml")).toBe("a.yaml");
  });
});

describe("applySuppressions", () => {
  const findings = [
    finding("efs-file-system-no-policy", "DataFs"),
    finding("efs-file-system-no-policy", "OtherFs"),
    finding("efs-file-system-no-policy", "DataFs", "other/app.yaml"),
    finding("lambda-efs-write-denied", "Worker"),
  ];

  it("narrows by resource and file, and leaves the rest shown", () => {
    const { shown, suppressed } = applySuppressions(findings, [
      rule({ logicalId: "DataFs", file: "templates/*.yaml" }),
    ]);
    expect(suppressed.map((s) => [s.finding.logicalId, s.finding.file])).toEqual([
      ["DataFs", "templates/app.yaml"],
    ]);
    expect(shown).toHaveLength(3);
  });

  it("without resource or file, an entry silences the rule everywhere", () => {
    const { shown } = applySuppressions(findings, [rule({})]);
    expect(shown.map((f) => f.ruleId)).toEqual(["lambda-efs-write-denied"]);
  });

  it("prefers a metadata entry over a config entry for the same finding", () => {
    const metadata = rule({ source: "metadata", logicalId: "Worker", ruleId: "lambda-*" });
    const config = rule({ ruleId: "lambda-efs-write-denied" });
    const { suppressed } = applySuppressions(findings, [config, metadata]);
    expect(suppressed).toEqual([{ finding: findings[3], rule: metadata }]);
  });

  it("does not match another rule id", () => {
    expect(ignores(rule({ ruleId: "efs-access-point-root-user" }), findings[0] as Finding)).toBe(
      false,
    );
  });
});
