import { describe, expect, it } from "vitest";
import type { PhysicalLookup } from "../model.js";
import { propertiesOf, read } from "./resolve.test-support.js";

const STACK = `Resources:
  Fs:
    Type: AWS::EFS::FileSystem
  Role:
    Type: AWS::IAM::Role
  Ap:
    Type: AWS::EFS::AccessPoint
    DependsOn: [Role]
    Metadata:
      accesslab: {ignore: [{id: x, reason: !Sub "\${AWS::Region} \${Fs}"}]}
    Properties:
      FileSystemId: !Ref Fs
      Tags:
        - Key: arn
          Value: !Sub "\${Fs.Arn}/ap"
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetAtt Role.Arn
      FileSystemConfigs:
        - Arn: !GetAtt Ap.Arn
          LocalMountPath: /mnt/data
Outputs:
  ApArn:
    Value: !GetAtt Ap.Arn
    Export: {Name: !Sub "\${AWS::StackName}-ap"}
`;

describe("resolveTemplate", () => {
  it("lists DependsOn and every reference as dependencies, in file order of resources", () => {
    const t = read(STACK);
    expect(t.diagnostics).toEqual([]);
    expect(t.resources.map((r) => [r.logicalId, r.type, r.dependsOn])).toEqual([
      ["Fs", "AWS::EFS::FileSystem", []],
      ["Role", "AWS::IAM::Role", []],
      ["Ap", "AWS::EFS::AccessPoint", ["Role", "Fs"]],
      ["Fn", "AWS::Lambda::Function", ["Role", "Ap"]],
    ]);
  });

  it("resolves resource references lazily through the lookup, symbolic while unknown", () => {
    const t = read(STACK);
    const created = new Map<string, string>([
      ["Fs", "fs-1"],
      ["Fs.Arn", "arn:fs-1"],
    ]);
    const lookup: PhysicalLookup = (id, attr) => created.get(attr ? `${id}.${attr}` : id);
    expect(propertiesOf(t, "Ap", lookup)).toEqual({
      FileSystemId: "fs-1",
      Tags: [{ Key: "arn", Value: "arn:fs-1/ap" }],
    });
    expect(propertiesOf(t, "Fn", lookup).Role).toMatchObject({
      symbolic: true,
      description: "Fn::GetAtt `Role.Arn` is not known yet",
    });
    created.set("Role.Arn", "arn:aws:iam::000000000000:role/r");
    expect(propertiesOf(t, "Fn", lookup).Role).toBe("arn:aws:iam::000000000000:role/r");
  });

  it("resolves metadata without resources and outputs lazily", () => {
    const t = read(STACK);
    expect(t.resources[2]?.metadata).toEqual({
      accesslab: {
        ignore: [
          {
            id: "x",
            reason: {
              symbolic: true,
              description: "Fn::Sub over Ref `Fs`",
              position: { line: 10, column: 44 },
            },
          },
        ],
      },
    });
    expect(t.outputs[0]?.exportName).toBe("accesslab-stack-ap");
    expect(t.outputs[0]?.value((id, attr) => `${id}:${attr}`)).toBe("Ap:Arn");
  });

  it("finds where a property path is written, through Fn::If, else the nearest node", () => {
    const pick = `  Pick:
    Type: X::Y::Z
    Properties:
      List: !If
        - Always
        - [{Path: /a}, {Path: /b}]
        - []
`;
    const t = read(
      STACK.replace("Resources:", "Conditions:\n  Always: !Equals [a, a]\nResources:").replace(
        "Outputs:",
        `${pick}Outputs:`,
      ),
    );
    expect(t.diagnostics).toEqual([]);
    const fn = t.resources.find((r) => r.logicalId === "Fn");
    expect(fn?.positionOf(["FileSystemConfigs", 0, "Arn"])).toEqual({ line: 23, column: 16 });
    expect(fn?.positionOf(["FileSystemConfigs", 0, "Nope"])).toEqual({ line: 23, column: 11 });
    expect(fn?.positionOf([])).toEqual({ line: 21, column: 7 });
    const picked = t.resources.find((r) => r.logicalId === "Pick");
    expect(picked?.positionOf(["List", 1, "Path"])).toEqual({ line: 30, column: 31 });
  });

  it("reports missing Ref, GetAtt and DependsOn targets with their positions", () => {
    const t = read(`Resources:
  A:
    Type: X::Y::Z
    DependsOn: [Ghost]
    Properties:
      R: !Ref Nothing
      G: !GetAtt Nobody.Arn
      S: !Sub "\${Nowhere}"
`);
    expect(t.diagnostics.map((d) => [d.message, d.position, d.logicalId])).toEqual([
      [
        "Template format error: Unresolved resource dependencies [Ghost] in the Resources block of the template",
        { line: 4, column: 17 },
        "A",
      ],
      [
        "Template format error: Unresolved resource dependencies [Nothing] in the Resources block of the template",
        { line: 6, column: 10 },
        "A",
      ],
      [
        "Template error: instance of Fn::GetAtt references undefined resource Nobody",
        { line: 7, column: 10 },
        "A",
      ],
      [
        "Template format error: Unresolved resource dependencies [Nowhere] in the Resources block of the template",
        { line: 8, column: 10 },
        "A",
      ],
    ]);
  });

  it("reports dependency cycles through DependsOn and references, once each, at the first resource", () => {
    const t = read(`Resources:
  A: {Type: X::Y::Z, Properties: {B: !GetAtt B.Arn}}
  B: {Type: X::Y::Z, DependsOn: C}
  C: {Type: X::Y::Z, Properties: {A: !Sub "\${A}"}}
  D: {Type: X::Y::Z, Properties: {Me: !Ref D}}
  E: {Type: X::Y::Z, Properties: {A: !Ref A}}
`);
    expect(t.diagnostics.map((d) => [d.code, d.message, d.position?.line, d.logicalId])).toEqual([
      ["cycle", "Circular dependency between resources: [A, B, C]", 2, "A"],
      ["cycle", "Circular dependency between resources: [D]", 5, "D"],
    ]);
  });

  it("reports malformed sections and resources with CloudFormation's messages", () => {
    const t = read(`Bogus: 1
Resources:
  Bad-Name: {Type: X}
  NoType: {Properties: {}}
  Extra: {Type: X, Propertys: {}}
`);
    expect(t.diagnostics.map((d) => [d.message, d.position?.line])).toEqual([
      ["Template format error: Invalid template property or properties [Bogus]", 1],
      ["Template format error: Resource name Bad-Name is non alphanumeric.", 3],
      [
        "Template format error: [/Resources/NoType] Every Resources object must contain a Type member.",
        4,
      ],
      ["Invalid template resource property 'Propertys'", 5],
    ]);
    expect(t.resources.map((r) => r.logicalId)).toEqual(["Extra"]);
    expect(read("Description: x\n").diagnostics.map((d) => d.message)).toEqual([
      "Template format error: At least one Resources member must be defined.",
    ]);
    expect(read("- a\n").diagnostics.map((d) => d.message)).toEqual([
      "Template format error: a template must be a mapping",
    ]);
  });

  it("reports outputs without a Value and Fn::ForEach, which is not expanded", () => {
    const t = read(`Resources:
  A: {Type: X}
  Fn::ForEach::Things: [T, [a, b], {"\${T}": {Type: X}}]
Outputs:
  Empty: {Description: nothing}
`);
    expect(t.diagnostics.map((d) => [d.message, d.position?.line])).toEqual([
      [
        "`Fn::ForEach::Things`: Fn::ForEach (AWS::LanguageExtensions) is not supported by accesslab yet",
        3,
      ],
      [
        "Template format error: Every Outputs member must contain a Value object, the Outputs member Empty is missing it",
        5,
      ],
    ]);
    expect(t.outputs).toEqual([]);
  });

  it("returns diagnostics only for text that cannot be read", () => {
    const t = read("Resources: [\n");
    expect(t.resources).toEqual([]);
    expect(t.diagnostics).toMatchObject([
      { code: "yaml-syntax", severity: "error", file: "t.yaml" },
    ]);
  });
});
