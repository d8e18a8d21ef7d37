import { describe, expect, it } from "vitest";
import type { PolicyKind } from "../policy-kind.js";
import { validatePolicy } from "./validate.js";

function findings(statement: object, kind: PolicyKind) {
  return validatePolicy(JSON.stringify({ Version: "2012-10-17", Statement: statement }), { kind });
}
const codes = (statement: object, kind: PolicyKind) => findings(statement, kind).map((f) => f.code);

const RESOURCE = {
  Effect: "Allow",
  Principal: { AWS: "arn:aws:iam::111122223333:role/app" },
  Action: "elasticfilesystem:ClientMount",
  Resource: "arn:aws:elasticfilesystem:us-east-1:111122223333:file-system/fs-1",
};

describe("permissive statements", () => {
  it("rejects Allow with NotPrincipal, which IAM does not support, but not Deny", () => {
    const { Principal, ...rest } = RESOURCE;
    const allow = findings({ ...rest, NotPrincipal: Principal }, "resource").find(
      (f) => f.code === "allow-with-not-principal",
    );
    expect(allow?.type).toBe("ERROR");
    expect(codes({ ...rest, Effect: "Deny", NotPrincipal: Principal }, "resource")).toEqual([]);
  });

  it("leaves NotPrincipal in trust policies to the kind rule", () => {
    const trust = {
      Effect: "Allow",
      NotPrincipal: { AWS: "111122223333" },
      Action: "sts:AssumeRole",
    };
    expect(codes(trust, "trust")).toEqual(["unsupported-not-principal"]);
  });

  it("flags Allow with NotAction and with NotResource", () => {
    const identity = { Effect: "Allow", NotAction: "iam:*", NotResource: "arn:aws:s3:::secret/*" };
    expect(codes(identity, "identity")).toEqual(
      expect.arrayContaining(["allow-with-not-action", "allow-with-not-resource"]),
    );
    expect(codes({ ...identity, Effect: "Deny" }, "identity")).toEqual([]);
  });

  it("flags a public Allow without a condition in a resource policy", () => {
    for (const principal of ["*", { AWS: "*" }, { AWS: ["111122223333", "*"] }]) {
      const found = findings({ ...RESOURCE, Principal: principal }, "resource");
      expect(found.map((f) => f.code)).toContain("public-principal-without-condition");
    }
    const conditioned = {
      ...RESOURCE,
      Principal: "*",
      Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } },
    };
    expect(codes(conditioned, "resource")).not.toContain("public-principal-without-condition");
    expect(codes(RESOURCE, "resource")).toEqual([]);
  });

  it("does not flag a public VPC endpoint policy, which is the AWS default", () => {
    expect(codes({ ...RESOURCE, Principal: "*" }, "endpoint")).not.toContain(
      "public-principal-without-condition",
    );
  });
});
