import { describe, expect, it } from "vitest";
import { validatePolicy } from "./validate.js";

const BASE = { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" };

function codes(principal: unknown): string[] {
  const text = JSON.stringify({
    Version: "2012-10-17",
    Statement: { ...BASE, Principal: principal },
  });
  return validatePolicy(text, { kind: "resource" }).map((f) => f.code);
}

describe("principal values", () => {
  it.each([
    "*",
    "111122223333",
    "arn:aws:iam::111122223333:root",
    "arn:aws:iam::111122223333:user/path/alice",
    "arn:aws:iam::111122223333:role/service-role/app",
    "arn:aws:sts::111122223333:assumed-role/app/session-1",
    "arn:aws:sts::111122223333:federated-user/bob",
    "arn:aws-cn:iam::111122223333:role/app",
    "AROAJQABLZS4A3QDU576Q",
  ])("accepts AWS principal %s", (value) => {
    expect(codes({ AWS: value })).not.toContain("invalid-principal-format");
    expect(codes({ AWS: value })).not.toContain("unsupported-wildcard-in-principal");
  });

  it.each([
    "alice",
    "12345",
    "arn:aws:iam::111122223333:group/admins",
    "arn:aws:iam:us-east-1:111122223333:role/app",
    "arn:aws:s3:::bucket",
    "arn:aws:iam::abc:role/app",
    "arn:aws:sts::111122223333:assumed-role/app",
  ])("rejects AWS principal %s", (value) => {
    expect(codes({ AWS: value })).toContain("invalid-principal-format");
  });

  it("rejects partial wildcards in principal ARNs, with the value's position", () => {
    const text = `{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject",
      "Resource": "*", "Principal": {"AWS": ["111122223333", "arn:aws:iam::111122223333:role/app-*"]}}}`;
    const finding = validatePolicy(text, { kind: "resource" }).find(
      (f) => f.code === "unsupported-wildcard-in-principal",
    );
    expect(finding).toMatchObject({ type: "ERROR", position: { line: 2, column: 62 } });
  });

  it("checks service principals", () => {
    expect(codes({ Service: ["lambda.amazonaws.com", "ec2.amazonaws.com.cn"] })).toEqual([]);
    expect(codes({ Service: "lambda" })).toContain("invalid-service-principal-format");
    expect(codes({ Service: "*.amazonaws.com" })).toContain("unsupported-wildcard-in-principal");
  });

  it("checks federated and canonical-user principals", () => {
    expect(codes({ Federated: "arn:aws:iam::111122223333:saml-provider/corp" })).toEqual([]);
    expect(codes({ Federated: "cognito-identity.amazonaws.com" })).toEqual([]);
    expect(codes({ Federated: "corp" })).toContain("invalid-principal-format");
    expect(
      codes({ CanonicalUser: "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be" }),
    ).toEqual([]);
    expect(codes({ CanonicalUser: "alice" })).toContain("invalid-principal-format");
  });

  it("suggests removing an empty principal object", () => {
    expect(codes({})).toContain("empty-object-principal");
    expect(codes({ AWS: "111122223333" })).not.toContain("empty-object-principal");
  });

  it("does not judge values where Principal is not allowed at all", () => {
    const text = JSON.stringify({
      Version: "2012-10-17",
      Statement: { ...BASE, Principal: { AWS: "alice" } },
    });
    expect(validatePolicy(text, { kind: "identity" }).map((f) => f.code)).toEqual([
      "unsupported-principal",
    ]);
  });
});
