import { describe, expect, it } from "vitest";
import { jsonNodeToValue } from "../../formats/json-tree.js";
import { expandShortTag, SHORT_TAGS } from "./short-tags.js";

const str = (value: string) => ({ kind: "string", value }) as const;

describe("expandShortTag", () => {
  it("maps Ref and Condition to themselves and every other tag to Fn::", () => {
    expect(jsonNodeToValue(expandShortTag("!Ref", str("A")) ?? { kind: "null" })).toEqual({
      Ref: "A",
    });
    expect(jsonNodeToValue(expandShortTag("!Condition", str("C")) ?? { kind: "null" })).toEqual({
      Condition: "C",
    });
    expect(jsonNodeToValue(expandShortTag("!Base64", str("x")) ?? { kind: "null" })).toEqual({
      "Fn::Base64": "x",
    });
    expect(SHORT_TAGS.size).toBe(20);
  });

  it("splits a dotted GetAtt at the first dot and leaves an undotted one for the evaluator", () => {
    expect(jsonNodeToValue(expandShortTag("!GetAtt", str("A.B.C")) ?? { kind: "null" })).toEqual({
      "Fn::GetAtt": ["A", "B.C"],
    });
    expect(jsonNodeToValue(expandShortTag("!GetAtt", str("A")) ?? { kind: "null" })).toEqual({
      "Fn::GetAtt": "A",
    });
  });

  it("refuses tags that are not CloudFormation's", () => {
    expect(expandShortTag("!Bogus", str("x"))).toBeUndefined();
    expect(expandShortTag("!ref", str("x"))).toBeUndefined();
  });
});
