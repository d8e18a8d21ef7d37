import { describe, expect, it } from "vitest";
import type { PolicyKind } from "../policy-kind.js";
import { validatePolicy } from "./validate.js";

function codes(statement: object, kind: PolicyKind): string[] {
  return validatePolicy(JSON.stringify({ Version: "2012-10-17", Statement: statement }), {
    kind,
  }).map((f) => f.code);
}

describe("trust policy actions", () => {
  const trust = { Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" } };

  it.each([
    "sts:AssumeRole",
    "sts:TagSession",
    "sts:SetSourceIdentity",
    "sts:AssumeRole*",
    "STS:assumerolewithwebidentity",
    "*",
  ])("accepts %s", (action) => {
    expect(codes({ ...trust, Action: action }, "trust")).toEqual([]);
  });

  it.each(["s3:GetObject", "sts:GetCallerIdentity", "sts:Get*"])("rejects %s", (action) => {
    expect(codes({ ...trust, Action: action }, "trust")).toContain("unsupported-action-in-policy");
  });

  it("does not apply to other kinds", () => {
    const statement = { ...trust, Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" };
    expect(codes(statement, "resource")).not.toContain("unsupported-action-in-policy");
  });
});

describe("resource control policies", () => {
  const full = { Effect: "Allow", Principal: "*", Action: "*", Resource: "*" };

  it("accepts the RCPFullAWSAccess statement", () => {
    expect(codes(full, "rcp")).toEqual([]);
  });

  it("rejects any other Allow", () => {
    expect(codes({ ...full, Action: "s3:GetObject" }, "rcp")).toContain(
      "rcp-allow-not-full-access",
    );
    const conditioned = { ...full, Condition: { StringEquals: { "aws:PrincipalOrgID": "o-123" } } };
    expect(codes(conditioned, "rcp")).toContain("rcp-allow-not-full-access");
  });

  it("requires Principal to be *", () => {
    const deny = { Effect: "Deny", Action: "s3:*", Resource: "*" };
    expect(codes({ ...deny, Principal: { AWS: "111122223333" } }, "rcp")).toContain(
      "rcp-principal-not-wildcard",
    );
    expect(codes({ ...deny, Principal: { AWS: "*" } }, "rcp")).not.toContain(
      "rcp-principal-not-wildcard",
    );
    expect(codes({ ...deny, Principal: "*" }, "rcp")).toEqual([]);
  });
});
