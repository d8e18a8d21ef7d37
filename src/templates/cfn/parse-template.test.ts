import { describe, expect, it } from "vitest";
import { jsonNodeToValue } from "../../formats/json-tree.js";
import { looksLikeJson, parseCloudFormation } from "./parse-template.js";

describe("parseCloudFormation", () => {
  it("reads JSON and YAML into the same document", () => {
    const json = parseCloudFormation(
      '{"Resources": {"A": {"Type": "X", "Properties": {"R": {"Ref": "B"}}}}}',
      "t.json",
    );
    const yaml = parseCloudFormation(
      "Resources:\n  A:\n    Type: X\n    Properties:\n      R: !Ref B\n",
      "t.yaml",
    );
    expect(json.diagnostics).toEqual([]);
    expect(jsonNodeToValue(json.document?.root ?? { kind: "null" })).toEqual(
      jsonNodeToValue(yaml.document?.root ?? { kind: "null" }),
    );
    expect(json.document).toMatchObject({ file: "t.json", origin: "cloudformation" });
  });

  it("decides JSON by the first character, ignoring a byte order mark", () => {
    expect(looksLikeJson('\uFEFF  {"a": 1}')).toBe(true);
    expect(looksLikeJson("a: {b: 1}")).toBe(false);
    expect(parseCloudFormation('\uFEFF{"Resources": {}}', "t.json").document).toBeDefined();
  });

  it("reports a JSON syntax error with its position and no document", () => {
    const parsed = parseCloudFormation('{\n  "Resources": {,}\n}', "t.json");
    expect(parsed.document).toBeUndefined();
    expect(parsed.diagnostics).toEqual([
      {
        severity: "error",
        code: "json-syntax",
        message: "expected a value",
        file: "t.json",
        position: { line: 2, column: 17 },
      },
    ]);
  });

  it("reports duplicate keys in JSON and YAML at the repeat, naming the first", () => {
    const json = parseCloudFormation(
      '{"Resources": {\n"A": {"Type": "X"},\n"A": {"Type": "Y"}}}',
      "t.json",
    );
    expect(json.diagnostics).toEqual([
      {
        severity: "error",
        code: "duplicate-key",
        message: "duplicate key `A` (first at 2:1)",
        file: "t.json",
        position: { line: 3, column: 1 },
      },
    ]);
    const yaml = parseCloudFormation("Resources:\n  A: {Type: X}\n  A: {Type: Y}\n", "t.yaml");
    expect(yaml.document).toBeDefined();
    expect(yaml.diagnostics).toMatchObject([
      { code: "duplicate-key", position: { line: 3, column: 3 } },
    ]);
  });
});
