import { describe, expect, it } from "vitest";
import { readCheckConfig } from "./config-read.js";

describe("readCheckConfig", () => {
  it("reads ignore entries, failOn and format", () => {
    const { config, error } = readCheckConfig(
      `failOn: warning
format: sarif
ignore:
  - id: efs-file-system-no-policy
    resource: Shared*
    file: templates/*.yaml
    reason: the VPC has no other clients
  - id: secrets-endpoint-deny
    reason: endpoint comes later
`,
      "ci/.accesslab.yaml",
      "ci",
    );
    expect(error).toBeUndefined();
    expect(config?.failOn).toBe("warning");
    expect(config?.format).toBe("sarif");
    expect(config?.ignore).toEqual([
      {
        ruleId: "efs-file-system-no-policy",
        reason: "the VPC has no other clients",
        source: "config",
        logicalId: "Shared*",
        file: "ci/templates/*.yaml",
        declaredIn: "ci/.accesslab.yaml",
        position: { line: 4, column: 5 },
      },
      {
        ruleId: "secrets-endpoint-deny",
        reason: "endpoint comes later",
        source: "config",
        declaredIn: "ci/.accesslab.yaml",
        position: { line: 8, column: 5 },
      },
    ]);
  });

  it("keeps file patterns as written when the file sits in the working directory", () => {
    const { config } = readCheckConfig(
      "ignore: [{id: a, file: ./t.yaml, reason: r}]\n",
      ".accesslab.yaml",
      "",
    );
    expect(config?.ignore[0]?.file).toBe("t.yaml");
  });

  it("accepts an empty file", () => {
    expect(readCheckConfig("", ".accesslab.yaml", "").config).toEqual({ ignore: [] });
  });

  it.each([
    ["failOn: fatal\n", "unknown `failOn` `fatal`: expected one of error, warning, info", 1, 9],
    ["format: html\n", "unknown `format` `html`: expected one of text, json, sarif, junit", 1, 9],
    ["ignored: []\n", "unknown field `ignored` in the configuration", 1, 1],
    [
      "ignore:\n  - id: a\n",
      "`ignore[0]` has no `reason`: every suppression must say why it does not apply",
      2,
      5,
    ],
    [
      "ignore:\n  - id: a\n    reason: ''\n",
      "`ignore[0]` has no `reason`: every suppression must say why it does not apply",
      3,
      13,
    ],
    ["ignore:\n  - reason: r\n", "`ignore[0]` has no `id`", 2, 5],
    [
      "ignore:\n  - {id: a, reason: r, resource: [A]}\n",
      "`ignore[0].resource` must be a string, found array",
      2,
      34,
    ],
    ["ignore: {id: a}\n", "`ignore` must be an array, found object", 1, 9],
    ["failOn: [error\n", "yaml syntax:", 2, 1],
  ])("reports %j with its position", (text, message, line, column) => {
    const { config, error } = readCheckConfig(text, ".accesslab.yaml", "");
    expect(config).toBeUndefined();
    expect(error?.message.startsWith(message)).toBe(true);
    expect(error?.position).toEqual({ line, column });
  });
});
