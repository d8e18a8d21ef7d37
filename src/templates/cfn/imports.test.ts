import { describe, expect, it } from "vitest";
import { isSymbolic } from "../model.js";
import { UNKNOWN_EXPORT_CODE } from "./imports.js";
import { propertiesOf, read } from "./resolve.test-support.js";

const TEMPLATE = `Parameters:
  Prefix: {Type: String, Default: shared}
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Subnets:
        - !ImportValue shared-subnet-a
        - Fn::ImportValue: !Sub "\${Prefix}-subnet-b"
      Name: !Join ["-", [fn, !ImportValue shared-subnet-a]]
`;

const EXPORTS: Record<string, string> = {
  "shared-subnet-a": "subnet-0aaa",
  "shared-subnet-b": "subnet-0bbb",
};

describe("Fn::ImportValue", () => {
  it("resolves to the exported value when the caller gives the exports", () => {
    const asked: string[] = [];
    const template = read(TEMPLATE, {
      exports: (name) => {
        asked.push(name);
        return EXPORTS[name];
      },
    });
    expect(template.diagnostics).toEqual([]);
    expect(propertiesOf(template, "Fn")).toEqual({
      Subnets: ["subnet-0aaa", "subnet-0bbb"],
      Name: "fn-subnet-0aaa",
    });
    expect(new Set(asked)).toEqual(new Set(["shared-subnet-a", "shared-subnet-b"]));
  });

  it("stays symbolic without exports (the check path), naming the export", () => {
    const template = read(TEMPLATE);
    expect(template.diagnostics).toEqual([]);
    const props = propertiesOf(template, "Fn");
    const subnets = props.Subnets as unknown[];
    expect(isSymbolic(subnets[0])).toBe(true);
    expect(subnets[0]).toMatchObject({ description: "Fn::ImportValue `shared-subnet-a`" });
    expect(subnets[1]).toMatchObject({ description: "Fn::ImportValue `shared-subnet-b`" });
  });

  it("reports an unknown export with CloudFormation's words and its position", () => {
    const template = read(TEMPLATE, {
      exports: (name) => (name === "shared-subnet-a" ? "x" : undefined),
    });
    const problems = template.diagnostics.filter((d) => d.code === UNKNOWN_EXPORT_CODE);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      severity: "error",
      message: "No export named shared-subnet-b found",
      logicalId: "Fn",
      position: { line: 9 },
    });
  });
});
