import { describe, expect, it } from "vitest";
import { read, resolveJsonValue, resolveYamlValue } from "./resolve.test-support.js";

/** Each case: the YAML short form, the JSON long form, the resolved value. */
const CASES: [string, string, unknown, unknown][] = [
  ["Ref parameter", "!Ref Env", { Ref: "Env" }, "prod"],
  ["Ref list parameter", "!Ref Subnets", { Ref: "Subnets" }, ["a", "b", "c"]],
  ["Ref pseudo", "!Ref AWS::Region", { Ref: "AWS::Region" }, "us-east-1"],
  ["Ref resource", "!Ref Role", { Ref: "Role" }, "id-Role"],
  ["GetAtt dotted", "!GetAtt Role.Arn", { "Fn::GetAtt": ["Role", "Arn"] }, "Role.Arn"],
  ["GetAtt list", "!GetAtt [Role, Arn]", { "Fn::GetAtt": ["Role", "Arn"] }, "Role.Arn"],
  ["GetAtt nested attribute", "!GetAtt Role.A.B", { "Fn::GetAtt": ["Role", "A.B"] }, "Role.A.B"],
  [
    "GetAtt with Ref attribute",
    "!GetAtt [Role, !Ref Env]",
    { "Fn::GetAtt": ["Role", { Ref: "Env" }] },
    "Role.prod",
  ],
  [
    "Sub string",
    "!Sub 'arn:${AWS::Partition}:x:${Env}:${Role}:${Role.Arn}:${!Literal}'",
    { "Fn::Sub": "arn:${AWS::Partition}:x:${Env}:${Role}:${Role.Arn}:${!Literal}" },
    "arn:aws:x:prod:id-Role:Role.Arn:${Literal}",
  ],
  [
    "Sub with map",
    "!Sub ['${A}-${Env}', {A: !Ref AWS::AccountId}]",
    { "Fn::Sub": ["${A}-${Env}", { A: { Ref: "AWS::AccountId" } }] },
    "000000000000-prod",
  ],
  [
    "Join",
    "!Join [':', [a, !Ref Env, 3]]",
    { "Fn::Join": [":", ["a", { Ref: "Env" }, 3]] },
    "a:prod:3",
  ],
  [
    "Join over a list Ref",
    "!Join ['/', !Ref Subnets]",
    { "Fn::Join": ["/", { Ref: "Subnets" }] },
    "a/b/c",
  ],
  ["Select", "!Select [1, !Ref Subnets]", { "Fn::Select": [1, { Ref: "Subnets" }] }, "b"],
  [
    "Select string index",
    "!Select ['2', [x, y, z]]",
    { "Fn::Select": ["2", ["x", "y", "z"]] },
    "z",
  ],
  ["Split", "!Split [',', 'x,y']", { "Fn::Split": [",", "x,y"] }, ["x", "y"]],
  ["If true", "!If [IsProd, big, small]", { "Fn::If": ["IsProd", "big", "small"] }, "big"],
  ["If false", "!If [IsDev, big, small]", { "Fn::If": ["IsDev", "big", "small"] }, "small"],
  [
    "FindInMap",
    "!FindInMap [Sizes, !Ref AWS::Region, Big]",
    { "Fn::FindInMap": ["Sizes", { Ref: "AWS::Region" }, "Big"] },
    "8",
  ],
  [
    "FindInMap default",
    "!FindInMap [Sizes, eu-west-1, Big, {DefaultValue: '2'}]",
    { "Fn::FindInMap": ["Sizes", "eu-west-1", "Big", { DefaultValue: "2" }] },
    "2",
  ],
  ["GetAZs", "!Select [0, !GetAZs '']", { "Fn::Select": [0, { "Fn::GetAZs": "" }] }, "us-east-1a"],
  [
    "GetAZs by region Ref",
    "!Select [5, !GetAZs {Ref: AWS::Region}]",
    { "Fn::Select": [5, { "Fn::GetAZs": { Ref: "AWS::Region" } }] },
    "us-east-1f",
  ],
  ["Base64", "!Base64 hi", { "Fn::Base64": "hi" }, "aGk="],
  [
    "Cidr",
    "!Cidr [10.0.0.0/16, 3, 8]",
    { "Fn::Cidr": ["10.0.0.0/16", 3, 8] },
    ["10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24"],
  ],
  ["Length", "!Length [a, b, c, d]", { "Fn::Length": ["a", "b", "c", "d"] }, 4],
  [
    "ToJsonString",
    "!ToJsonString {a: [1, !Ref Env]}",
    { "Fn::ToJsonString": { a: [1, { Ref: "Env" }] } },
    '{"a":[1,"prod"]}',
  ],
  [
    "Equals inside If",
    "!If [IsProd, !Ref Env, x]",
    { "Fn::If": ["IsProd", { Ref: "Env" }, "x"] },
    "prod",
  ],
];

describe("intrinsic functions", () => {
  for (const [name, yaml, json, expected] of CASES) {
    it(`${name}: short form`, () => expect(resolveYamlValue(yaml)).toEqual(expected));
    it(`${name}: long form in a JSON template`, () =>
      expect(resolveJsonValue(json)).toEqual(expected));
  }

  it("follows the region option for GetAZs and pseudo parameters", () => {
    expect(resolveYamlValue("!Select [1, !GetAZs '']", { region: "eu-west-1" })).toBe("eu-west-1b");
    expect(
      resolveYamlValue("!Sub '${AWS::Region}/${AWS::StackName}'", {
        region: "eu-west-1",
        stackName: "s",
      }),
    ).toBe("eu-west-1/s");
  });

  it("keeps imports, transforms and dynamic references symbolic, naming them", () => {
    expect(resolveYamlValue("!ImportValue shared-vpc")).toMatchObject({
      symbolic: true,
      description: "Fn::ImportValue `shared-vpc`",
    });
    expect(resolveYamlValue("!Transform {Name: 'AWS::Include'}")).toMatchObject({
      symbolic: true,
      description: expect.stringContaining("AWS::Include"),
    });
    expect(resolveYamlValue("'{{resolve:ssm:/vpc/id}}'")).toMatchObject({
      description: "dynamic reference `{{resolve:ssm:/vpc/id}}`",
    });
    expect(
      resolveYamlValue("!Sub 'x-{{resolve:secretsmanager:db:SecretString:pw}}'"),
    ).toMatchObject({
      symbolic: true,
    });
  });

  it("propagates an unknowable input through the intrinsic that consumes it", () => {
    const joined = resolveYamlValue("!Join ['-', [a, !ImportValue vpc]]");
    expect(joined).toMatchObject({
      symbolic: true,
      description: "Fn::Join over Fn::ImportValue `vpc`",
    });
    expect(resolveYamlValue("!Sub '${X}-a'")).toMatchObject({ symbolic: true });
    expect(resolveYamlValue("!Select [0, !Split [',', !ImportValue ids]]")).toMatchObject({
      symbolic: true,
    });
  });

  it("removes properties and list items that are AWS::NoValue", () => {
    const t = read(`Conditions:
  Never: !Equals [a, b]
Resources:
  T:
    Type: X::Y::Z
    Properties:
      Gone: !Ref AWS::NoValue
      Maybe: !If [Never, x, !Ref AWS::NoValue]
      List: [a, !If [Never, b, !Ref AWS::NoValue], c]
      Kept: 1
`);
    expect(t.diagnostics).toEqual([]);
    expect(t.resources[0]?.properties(() => undefined)).toEqual({ List: ["a", "c"], Kept: 1 });
  });

  it("reports malformed intrinsics at their position and never throws", () => {
    const t = read(`Resources:
  T:
    Type: X::Y::Z
    Properties:
      A: !Select [9, [a]]
      B: !Join [x]
      C: !GetAtt Lonely
      D: {"Fn::Bogus": 1}
      E: !FindInMap [Nope, a, b]
      F: !Cidr [not-a-cidr, 1, 8]
`);
    const found = t.diagnostics.map((d) => [d.code, d.position?.line, d.message]);
    expect(found).toEqual([
      ["bad-intrinsic", 5, "Template error: Fn::Select cannot select nonexistent value at index 9"],
      ["bad-intrinsic", 6, "Template error: Fn::Join requires a list of 2 arguments"],
      [
        "bad-intrinsic",
        7,
        "Template error: every Fn::GetAtt object requires two non-empty parameters",
      ],
      ["unknown-intrinsic", 8, "unknown intrinsic function `Fn::Bogus`"],
      ["missing-mapping", 9, "Template error: Unable to get mapping for Nope::a::b"],
      ["bad-intrinsic", 10, "Template error: Fn::Cidr: `not-a-cidr` is not an ipv4 cidr block"],
    ]);
    expect(t.resources[0]?.properties(() => undefined).A).toMatchObject({ symbolic: true });
  });
});
