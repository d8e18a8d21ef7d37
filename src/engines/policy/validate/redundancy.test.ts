import { describe, expect, it } from "vitest";
import type { PolicyKind } from "../policy-kind.js";
import { covers } from "./coverage.js";
import { validatePolicy } from "./validate.js";

function findings(statements: object[], kind: PolicyKind = "identity") {
  return validatePolicy(JSON.stringify({ Version: "2012-10-17", Statement: statements }), { kind });
}
const codes = (statements: object[], kind: PolicyKind = "identity") =>
  findings(statements, kind).map((f) => f.code);

describe("coverage", () => {
  it.each([
    ["*", "s3:GetObject", true],
    ["s3:*", "s3:Get*", true],
    ["s3:Get*", "s3:*", false],
    ["s3:GetObject", "S3:getobject", true],
    ["s3:Get?bject", "s3:GetObject", true],
    ["s3:Get?", "s3:Get*", false],
    ["s3:List*", "s3:GetObject", false],
  ] as const)("covers(%s, %s) is %s", (wide, narrow, expected) => {
    expect(covers(wide, narrow, true)).toBe(expected);
  });
});

describe("redundant values", () => {
  it("suggests removing an action covered by another", () => {
    const found = findings([{ Effect: "Allow", Action: ["s3:*", "s3:GetObject"], Resource: "*" }]);
    expect(found).toEqual([
      expect.objectContaining({ type: "SUGGESTION", code: "redundant-action" }),
    ]);
    expect(found[0]?.message).toBe("action `s3:GetObject` is already covered by `s3:*`; remove it");
    expect(
      codes([{ Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: "*" }]),
    ).toEqual([]);
  });

  it("flags only the later of two equal actions", () => {
    const found = findings([
      { Effect: "Allow", Action: ["s3:GetObject", "S3:GETOBJECT"], Resource: "*" },
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain("`S3:GETOBJECT`");
  });

  it("suggests removing a resource covered by another, case-sensitively", () => {
    const statement = {
      Effect: "Allow",
      Action: "s3:GetObject",
      Resource: ["arn:aws:s3:::b/*", "arn:aws:s3:::b/key"],
    };
    expect(codes([statement])).toEqual(["redundant-resource"]);
    const distinct = { ...statement, Resource: ["arn:aws:s3:::b/*", "arn:aws:s3:::B/key"] };
    expect(codes([distinct])).toEqual([]);
  });
});

describe("redundant statements", () => {
  const wide = { Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::b/*" };
  const narrow = { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/key" };

  it("suggests removing a statement covered by an unconditional one of the same effect", () => {
    const found = findings([narrow, wide]);
    expect(found).toEqual([
      expect.objectContaining({ type: "SUGGESTION", code: "redundant-statement", statement: 0 }),
    ]);
  });

  it("flags only the later of two identical statements", () => {
    expect(findings([narrow, narrow]).map((f) => f.statement)).toEqual([1]);
  });

  it("does not flag across effects, conditions or principals", () => {
    expect(codes([narrow, { ...wide, Effect: "Deny" }])).toEqual([]);
    const conditioned = { ...wide, Condition: { Bool: { "aws:SecureTransport": "true" } } };
    expect(codes([narrow, conditioned])).toEqual([]);
    const p1 = { ...narrow, Principal: { AWS: "111122223333" } };
    const p2 = { ...wide, Principal: { AWS: "444455556666" } };
    expect(codes([p1, p2], "resource")).toEqual([]);
    expect(
      codes([p1, { ...wide, Principal: { AWS: ["111122223333", "444455556666"] } }], "resource"),
    ).toEqual(["redundant-statement"]);
  });
});
