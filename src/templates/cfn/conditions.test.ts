import { describe, expect, it } from "vitest";
import { propertiesOf, read } from "./resolve.test-support.js";

const TEMPLATE = `Parameters:
  Env: {Type: String, Default: dev}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
  Both: !And [!Condition IsDev, !Equals [!Ref "AWS::Region", us-east-1]]
  Either: !Or [!Condition IsProd, !Equals [1, "1"]]
Resources:
  Always: {Type: X::Y::Z}
  ProdOnly:
    Type: X::Y::Z
    Condition: IsProd
  DevOnly:
    Type: X::Y::Z
    Condition: Both
    Properties:
      Size: !If [IsProd, !Ref ProdOnly, small]
      Either: !If [Either, yes-either, 'no']
Outputs:
  ProdOut: {Condition: IsProd, Value: !Ref ProdOnly}
  DevOut: {Condition: IsDev, Value: !Ref DevOnly}
`;

describe("conditions", () => {
  it("evaluates Equals, Not, And, Or and Condition, and drops what a false condition guards", () => {
    const t = read(TEMPLATE);
    expect(t.diagnostics).toEqual([]);
    expect(t.resources.map((r) => r.logicalId)).toEqual(["Always", "DevOnly"]);
    expect(t.outputs.map((o) => o.name)).toEqual(["DevOut"]);
    expect(propertiesOf(t, "DevOnly")).toEqual({ Size: "small", Either: "yes-either" });
  });

  it("counts references only in the branch Fn::If takes", () => {
    expect(read(TEMPLATE).resources.find((r) => r.logicalId === "DevOnly")?.dependsOn).toEqual([]);
    const prod = read(TEMPLATE, { parameters: { Env: "prod" } });
    expect(prod.resources.map((r) => r.logicalId)).toEqual(["Always", "ProdOnly"]);
    expect(prod.outputs.map((o) => o.name)).toEqual(["ProdOut"]);
  });

  it("reports a reference to a resource a false condition dropped", () => {
    const t = read(`Conditions:
  Never: !Equals [a, b]
Resources:
  Gone: {Type: X::Y::Z, Condition: Never}
  User:
    Type: X::Y::Z
    Properties: {R: !Ref Gone}
`);
    expect(t.diagnostics).toMatchObject([
      { code: "missing-ref", logicalId: "User", position: { line: 7, column: 21 } },
    ]);
  });

  it("reports condition cycles, unknown conditions and resource references in conditions", () => {
    const t = read(`Conditions:
  A: !Condition B
  B: !Not [!Condition A]
  C: !Equals [!Ref R, x]
Resources:
  R: {Type: X::Y::Z, Condition: Missing}
`);
    const found = t.diagnostics.map((d) => [d.code, d.position?.line]);
    expect(found).toEqual([
      ["cycle", 2],
      ["missing-ref", 4],
      ["missing-condition", 6],
    ]);
    expect(t.diagnostics[0]?.message).toBe(
      "Template format error: Circular dependency between conditions: A -> B -> A",
    );
  });

  it("keeps a resource whose condition cannot be known, with a warning, and leaves Fn::If symbolic", () => {
    const t = read(`Parameters:
  Vpc: {Type: "AWS::SSM::Parameter::Value<String>", Default: /vpc}
Conditions:
  HasVpc: !Not [!Equals [!Ref Vpc, ""]]
Resources:
  R:
    Type: X::Y::Z
    Condition: HasVpc
    Properties: {V: !If [HasVpc, a, b]}
`);
    expect(t.diagnostics).toMatchObject([
      { severity: "warning", code: "symbolic-condition", logicalId: "R" },
    ]);
    expect(propertiesOf(t, "R").V).toMatchObject({
      symbolic: true,
      description: expect.stringContaining("SSM parameter `/vpc`"),
    });
  });

  it("treats Condition as an ordinary key outside the Conditions section", () => {
    const t = read(`Resources:
  P:
    Type: AWS::IAM::Policy
    Properties:
      Statement: [{Effect: Allow, Condition: {Bool: {"aws:SecureTransport": "true"}}}]
`);
    expect(t.diagnostics).toEqual([]);
    expect(propertiesOf(t, "P").Statement).toEqual([
      { Effect: "Allow", Condition: { Bool: { "aws:SecureTransport": "true" } } },
    ]);
  });
});
