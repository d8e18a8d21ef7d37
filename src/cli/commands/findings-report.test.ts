import { describe, expect, it } from "vitest";
import type { Finding } from "../../engines/policy/validate/finding.js";
import { renderFindings } from "./findings-report.js";

const findings: Finding[] = [
  {
    type: "ERROR",
    code: "missing-effect",
    message: "statement 0 has no `Effect`",
    position: { line: 3, column: 5 },
    statement: 0,
  },
  { type: "SUGGESTION", code: "redundant-action", message: "m1", position: { line: 4, column: 7 } },
  { type: "SUGGESTION", code: "redundant-action", message: "m2" },
];

describe("renderFindings", () => {
  it("renders text with a pluralised summary", () => {
    expect(renderFindings({ file: "p.json", kind: "identity", findings }, "text")).toBe(
      [
        "p.json:3:5  ERROR  missing-effect  statement 0 has no `Effect`",
        "p.json:4:7  SUGGESTION  redundant-action  m1",
        "p.json:?:?  SUGGESTION  redundant-action  m2",
        "p.json: 1 error, 2 suggestions",
        "",
      ].join("\n"),
    );
  });

  it("leaves the region out of SARIF locations without a position, and lists each rule once", () => {
    const sarif = JSON.parse(
      renderFindings({ file: "dir with space/p.json", kind: "identity", findings }, "sarif"),
    );
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([
      "missing-effect",
      "redundant-action",
    ]);
    const [first, , last] = sarif.runs[0].results;
    expect(first.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "dir%20with%20space/p.json" },
      region: { startLine: 3, startColumn: 5 },
    });
    expect(last.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "dir%20with%20space/p.json" },
    });
    expect(last).toMatchObject({ ruleId: "redundant-action", ruleIndex: 1, level: "note" });
  });
});
