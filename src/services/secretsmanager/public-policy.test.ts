/**
 * Unit tests of the broad-access check: a wildcard principal without a
 * narrowing condition is broad; a specific principal, a narrowing
 * condition or a Deny is not; a negated or wildcard condition does not
 * narrow.
 */
import { describe, expect, it } from "vitest";
import { parsePolicy } from "../../engines/policy/parse.js";
import { broadStatements } from "./public-policy.js";
import { policyProblems } from "./resource-policy.js";

const statements = (...s: object[]) =>
  parsePolicy(JSON.stringify({ Version: "2012-10-17", Statement: s })).policy?.statements ?? [];
const allow = (principal: unknown, condition?: object) => ({
  Effect: "Allow",
  Principal: principal,
  Action: "secretsmanager:GetSecretValue",
  Resource: "*",
  ...(condition ? { Condition: condition } : {}),
});

describe("broadStatements", () => {
  it("flags an Allow to every principal", () => {
    expect(broadStatements(statements(allow("*")))).toEqual([0]);
    expect(broadStatements(statements(allow({ AWS: "*" })))).toEqual([0]);
  });

  it("accepts named principals, Deny and narrowing conditions", () => {
    expect(broadStatements(statements(allow({ AWS: "arn:aws:iam::000000000000:root" })))).toEqual(
      [],
    );
    expect(broadStatements(statements({ ...allow("*"), Effect: "Deny" }))).toEqual([]);
    expect(
      broadStatements(statements(allow("*", { StringEquals: { "aws:SourceVpce": "vpce-1" } }))),
    ).toEqual([]);
  });

  it("does not count negated, wildcard or unrelated conditions as narrowing", () => {
    const broad = [
      { StringNotEquals: { "aws:SourceVpce": "vpce-1" } },
      { StringLike: { "aws:PrincipalArn": "*" } },
      { StringEquals: { "aws:RequestedRegion": "us-east-1" } },
    ];
    for (const condition of broad) {
      expect(broadStatements(statements(allow("*", condition)))).toEqual([0]);
    }
  });
});

describe("policyProblems", () => {
  it("reports syntax errors before the broad-access check", () => {
    const [first] = policyProblems("{");
    expect(first?.CheckName).toBe("PolicySyntaxCheck");
    expect(policyProblems(JSON.stringify({ Statement: [allow("*")] }))).toMatchObject([
      { CheckName: "BroadAccessCheck" },
    ]);
  });
});
