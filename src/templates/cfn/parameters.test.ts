import { describe, expect, it } from "vitest";
import { read } from "./resolve.test-support.js";

const PARAMS = `Parameters:
  Env: {Type: String, Default: dev, AllowedValues: [dev, prod]}
  Name: {Type: String, Default: abc, AllowedPattern: "[a-z]+", MinLength: 2, MaxLength: 5}
  Count: {Type: Number, Default: 3, MinValue: 1, MaxValue: 5}
  Ids: {Type: List<Number>, Default: "1,2"}
  Subnets: {Type: "List<AWS::EC2::Subnet::Id>", Default: "subnet-1,subnet-2"}
  Vpc: {Type: "AWS::SSM::Parameter::Value<AWS::EC2::VPC::Id>", Default: /net/vpc}
Resources:
  R:
    Type: X::Y::Z
    Properties: {Env: !Ref Env, Name: !Ref Name, Count: !Ref Count, Ids: !Ref Ids, Subnets: !Ref Subnets, Vpc: !Ref Vpc}
`;

function props(overrides: Record<string, string> = {}) {
  const t = read(PARAMS, { parameters: overrides });
  return { t, p: t.resources[0]?.properties(() => undefined) ?? {} };
}

describe("parameters", () => {
  it("uses defaults: strings (also for Number), lists, and SSM values as symbolic", () => {
    const { t, p } = props();
    expect(t.diagnostics).toEqual([]);
    expect(p).toMatchObject({
      Env: "dev",
      Name: "abc",
      Count: "3",
      Ids: ["1", "2"],
      Subnets: ["subnet-1", "subnet-2"],
    });
    expect(p.Vpc).toMatchObject({
      symbolic: true,
      description: "SSM parameter `/net/vpc` (AWS::SSM::Parameter::Value<AWS::EC2::VPC::Id>)",
    });
  });

  it("applies overrides over defaults", () => {
    const { t, p } = props({ Env: "prod", Count: "5", Vpc: "/other" });
    expect(t.diagnostics).toEqual([]);
    expect(p).toMatchObject({
      Env: "prod",
      Count: "5",
      Vpc: { description: expect.stringContaining("`/other`") },
    });
  });

  it("checks AllowedValues, AllowedPattern, lengths, numbers and bounds with CloudFormation's messages", () => {
    const cases: [Record<string, string>, string][] = [
      [{ Env: "test" }, "Parameter 'Env' must be one of AllowedValues"],
      [{ Name: "ABC" }, "Parameter 'Name' must match pattern [a-z]+"],
      [{ Name: "a" }, "Parameter 'Name' must contain at least 2 characters"],
      [{ Name: "abcdef" }, "Parameter 'Name' must contain at most 5 characters"],
      [{ Count: "many" }, "Parameter 'Count' must be a number"],
      [{ Count: "0" }, "Parameter 'Count' must be a number not less than 1"],
      [{ Count: "9" }, "Parameter 'Count' must be a number not greater than 5"],
      [{ Ids: "1,x" }, "Parameter 'Ids' must be a number"],
      [{ Nope: "1" }, "Parameters: [Nope] do not exist in the template"],
    ];
    for (const [overrides, message] of cases) {
      expect(props(overrides).t.diagnostics.map((d) => d.message)).toEqual([message]);
    }
    expect(props({ Env: "test" }).t.diagnostics[0]?.position).toEqual({ line: 2, column: 3 });
  });

  it("reports a parameter without a value, and unknown types", () => {
    const t = read(`Parameters:
  Needed: {Type: String}
  Odd: {Type: Strng}
Resources:
  R: {Type: X::Y::Z, Properties: {N: !Ref Needed}}
`);
    expect(t.diagnostics.map((d) => [d.message, d.position?.line])).toEqual([
      ["Parameters: [Needed] must have values", 2],
      ["Template format error: Unrecognized parameter type: Strng", 3],
    ]);
    expect(t.resources[0]?.properties(() => undefined).N).toMatchObject({ symbolic: true });
    expect(
      read(`Parameters:\n  Needed: {Type: String}\nResources:\n  R: {Type: X}\n`, {
        parameters: { Needed: "v" },
      }).diagnostics,
    ).toEqual([]);
  });
});
