import { describe, expect, it } from "vitest";
import { jsonNodeToValue } from "../../formats/json-tree.js";
import { parseCfnYaml } from "./parse-yaml.js";

function value(yaml: string): unknown {
  const { root, diagnostics } = parseCfnYaml(`v: ${yaml}\n`, "t.yaml");
  expect(diagnostics).toEqual([]);
  return (jsonNodeToValue(root ?? { kind: "null" }) as { v: unknown }).v;
}

describe("parseCfnYaml", () => {
  const tags: [string, unknown][] = [
    ["!Ref Bucket", { Ref: "Bucket" }],
    ["!Condition IsProd", { Condition: "IsProd" }],
    ["!GetAtt Role.Arn", { "Fn::GetAtt": ["Role", "Arn"] }],
    ["!GetAtt Db.Endpoint.Address", { "Fn::GetAtt": ["Db", "Endpoint.Address"] }],
    ["!GetAtt [Role, Arn]", { "Fn::GetAtt": ["Role", "Arn"] }],
    ["!Sub '${A}-b'", { "Fn::Sub": "${A}-b" }],
    ["!Sub ['${A}', {A: !Ref X}]", { "Fn::Sub": ["${A}", { A: { Ref: "X" } }] }],
    ["!Join ['', [a, b]]", { "Fn::Join": ["", ["a", "b"]] }],
    ["!Select [0, !GetAZs '']", { "Fn::Select": [0, { "Fn::GetAZs": "" }] }],
    ["!Split [',', !ImportValue ids]", { "Fn::Split": [",", { "Fn::ImportValue": "ids" }] }],
    ["!If [C, a, b]", { "Fn::If": ["C", "a", "b"] }],
    ["!Equals [a, b]", { "Fn::Equals": ["a", "b"] }],
    ["!And [!Condition A, !Condition B]", { "Fn::And": [{ Condition: "A" }, { Condition: "B" }] }],
    [
      "!Or [!Condition A, !Not [!Condition B]]",
      { "Fn::Or": [{ Condition: "A" }, { "Fn::Not": [{ Condition: "B" }] }] },
    ],
    ["!FindInMap [M, a, b]", { "Fn::FindInMap": ["M", "a", "b"] }],
    ["!Base64 x", { "Fn::Base64": "x" }],
    ["!Cidr [10.0.0.0/16, 2, 8]", { "Fn::Cidr": ["10.0.0.0/16", 2, 8] }],
    ["!Transform {Name: AWS::Include}", { "Fn::Transform": { Name: "AWS::Include" } }],
    ["!Length [a]", { "Fn::Length": ["a"] }],
    ["!ToJsonString {a: 1}", { "Fn::ToJsonString": { a: 1 } }],
  ];
  for (const [yaml, long] of tags) {
    it(`reads ${yaml.split(" ")[0]} (${yaml}) as its long form`, () =>
      expect(value(yaml)).toEqual(long));
  }

  it("reads block-style tagged sequences and mappings", () => {
    const { root } = parseCfnYaml("v: !Sub\n  - '${A}'\n  - A: !GetAtt R.Arn\n", "t.yaml");
    expect(jsonNodeToValue(root ?? { kind: "null" })).toEqual({
      v: { "Fn::Sub": ["${A}", { A: { "Fn::GetAtt": ["R", "Arn"] } }] },
    });
  });

  it("positions the long form at its tag and the argument at its value", () => {
    const { root } = parseCfnYaml("a:\n  b: !Ref Vpc\n", "t.yaml");
    const b = root?.kind === "object" && root.entries[0]?.value;
    const ref = b && b.kind === "object" ? b.entries[0]?.value : undefined;
    expect(ref?.position).toEqual({ line: 2, column: 6 });
    expect(ref?.kind === "object" && ref.entries[0]?.value.position).toEqual({
      line: 2,
      column: 11,
    });
  });

  it("reads YAML 1.1 scalars as CloudFormation does", () => {
    expect(value("0755")).toBe(493);
    expect(value("yes")).toBe(true);
    expect(value("y")).toBe("y");
    expect(value("2010-09-09")).toBe("2010-09-09");
    expect(value("'0755'")).toBe("0755");
    const { root } = parseCfnYaml("on: 1\n2: 2\n", "t.yaml");
    expect(jsonNodeToValue(root ?? { kind: "null" })).toEqual({ on: 1, "2": 2 });
  });

  it("reports unknown and unsupported tags with their position and still builds the tree", () => {
    const { root, diagnostics } = parseCfnYaml("a: 1\nb: !Bogus x\nc: !!binary aGk=\n", "t.yaml");
    expect(root).toBeDefined();
    expect(diagnostics.map((d) => [d.code, d.message, d.position])).toEqual([
      ["unknown-tag", "unknown tag `!Bogus`", { line: 2, column: 4 }],
      ["unknown-tag", "unknown tag `!!binary`", { line: 3, column: 4 }],
    ]);
  });

  it("reports YAML syntax errors with positions and no tree", () => {
    const { root, diagnostics } = parseCfnYaml("a: [1, 2\nb: 3\n", "t.yaml");
    expect(root).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({
      code: "yaml-syntax",
      file: "t.yaml",
      severity: "error",
    });
    expect(diagnostics[0]?.position?.line).toBeGreaterThanOrEqual(1);
    expect(diagnostics[0]?.message).toMatch(/^[a-z]/);
  });

  it("resolves aliases but warns, since CloudFormation does not support them", () => {
    const { root, diagnostics } = parseCfnYaml("a: &x {k: 1}\nb: *x\n", "t.yaml");
    expect(jsonNodeToValue(root ?? { kind: "null" })).toEqual({ a: { k: 1 }, b: { k: 1 } });
    expect(diagnostics).toMatchObject([
      { severity: "warning", code: "yaml-alias", position: { line: 2, column: 4 } },
    ]);
  });

  it("takes the latest anchor of a name before each alias, and refuses a self-reference", () => {
    const text = "a: &x 1\nb: *x\nc: &x {k: 2}\nd: *x\n";
    const { root } = parseCfnYaml(text, "t.yaml");
    expect(jsonNodeToValue(root ?? { kind: "null" })).toEqual({
      a: 1,
      b: 1,
      c: { k: 2 },
      d: { k: 2 },
    });
    const self = parseCfnYaml("a: &x {k: *x}\n", "t.yaml");
    expect(self.diagnostics.map((d) => [d.severity, d.message])).toContainEqual([
      "error",
      "yaml alias `*x` refers to itself",
    ]);
  });
});
