import { describe, expect, it } from "vitest";
import { parseYamlTree } from "../formats/yaml-tree.js";
import type { TemplateDocument } from "../templates/model.js";
import {
  readMetadataIgnores,
  SUPPRESSION_INVALID,
  SUPPRESSION_WITHOUT_REASON,
} from "./suppress-metadata.js";

function document(text: string): TemplateDocument {
  const { root } = parseYamlTree(text);
  if (!root) throw new Error("test template does not parse");
  return { file: "t.yaml", origin: "cloudformation", root };
}

describe("readMetadataIgnores", () => {
  it("reads entries scoped to their resource and file", () => {
    const { rules, findings } = readMetadataIgnores(
      document(`Resources:
  DataFs:
    Type: AWS::EFS::FileSystem
    Metadata:
      cfn-lint: {config: {ignore_checks: [W1]}}
      accesslab:
        ignore:
          - id: efs-file-system-no-policy
            reason: only this VPC mounts it
`),
    );
    expect(findings).toEqual([]);
    expect(rules).toEqual([
      {
        ruleId: "efs-file-system-no-policy",
        reason: "only this VPC mounts it",
        source: "metadata",
        logicalId: "DataFs",
        file: "t.yaml",
        declaredIn: "t.yaml",
        position: { line: 8, column: 13 },
      },
    ]);
  });

  it("turns an entry without a reason into a finding at the entry, and does not apply it", () => {
    const { rules, findings } = readMetadataIgnores(
      document(`Resources:
  DataFs:
    Type: AWS::EFS::FileSystem
    Metadata:
      accesslab:
        ignore:
          - id: efs-file-system-no-policy
          - {id: efs-other, reason: "  "}
`),
    );
    expect(rules).toEqual([]);
    expect(findings.map((f) => [f.ruleId, f.severity, f.logicalId, f.position])).toEqual([
      [SUPPRESSION_WITHOUT_REASON, "warning", "DataFs", { line: 7, column: 13 }],
      [SUPPRESSION_WITHOUT_REASON, "warning", "DataFs", { line: 8, column: 13 }],
    ]);
    expect(findings[0]?.title).toBe(
      "ignore entry for `efs-file-system-no-policy` has no reason, so it suppresses nothing",
    );
    expect(findings[0]?.fix).toContain("reason");
  });

  it("reports a malformed block with the offending node's position", () => {
    const { findings } = readMetadataIgnores(
      document(`Resources:
  A:
    Type: AWS::IAM::Role
    Metadata:
      accesslab:
        ignore:
          - id: x
            reason: y
            why: z
  B:
    Type: AWS::IAM::Role
    Metadata:
      accesslab: {ignore: efs-x}
`),
    );
    expect(findings.map((f) => [f.ruleId, f.logicalId, f.position, f.evidence[0]])).toEqual([
      [
        SUPPRESSION_INVALID,
        "A",
        { line: 9, column: 13 },
        "unknown field `why` in `Metadata.accesslab.ignore[0]`",
      ],
      [
        SUPPRESSION_INVALID,
        "B",
        { line: 13, column: 27 },
        "`Metadata.accesslab.ignore` must be an array, found string",
      ],
    ]);
  });

  it("ignores templates and resources without an accesslab block", () => {
    expect(readMetadataIgnores(document("Resources:\n  A: {Type: X, Metadata: {a: 1}}\n"))).toEqual(
      {
        rules: [],
        findings: [],
      },
    );
    expect(readMetadataIgnores(document("Parameters: {}\n")).rules).toEqual([]);
  });
});
