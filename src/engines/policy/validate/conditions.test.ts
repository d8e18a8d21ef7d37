import { describe, expect, it } from "vitest";
import { staticCatalogue } from "./static-catalogue.js";
import { validatePolicy } from "./validate.js";

const catalogue = staticCatalogue({
  serviceNames: ["elasticfilesystem"],
  services: {
    elasticfilesystem: {
      actions: {
        ClientMount: [
          "elasticfilesystem:AccessedViaMountTarget",
          "elasticfilesystem:AccessPointArn",
        ],
      },
      conditionKeys: {
        "elasticfilesystem:AccessedViaMountTarget": "Bool",
        "elasticfilesystem:AccessPointArn": "ARN",
      },
    },
  },
});

function findings(condition: object, effect = "Allow") {
  const statement = {
    Effect: effect,
    Action: "elasticfilesystem:ClientMount",
    Resource: "*",
    Condition: condition,
  };
  return validatePolicy(JSON.stringify({ Version: "2012-10-17", Statement: statement }), {
    kind: "identity",
    catalogue,
  });
}
const codes = (condition: object, effect = "Allow") =>
  findings(condition, effect).map((f) => f.code);

describe("condition operators and keys", () => {
  it("rejects unknown operators once per operator, with a hint", () => {
    const found = findings({ StringEqual: { "aws:username": "a", "aws:userid": "b" } });
    expect(found.map((f) => f.code)).toEqual(["invalid-condition-operator"]);
    expect(found[0]?.message).toBe(
      "condition operator `StringEqual` does not exist; did you mean `StringEquals`",
    );
    expect(codes({ StringEquals: { "aws:username": "a" } })).toEqual([]);
  });

  it("explains NullIfExists", () => {
    expect(codes({ NullIfExists: { "aws:username": "true" } })).toEqual(["null-with-if-exists"]);
    expect(codes({ Null: { "aws:username": "true" } })).toEqual([]);
  });

  it("rejects keys without a prefix", () => {
    expect(codes({ StringEquals: { username: "a" } })).toEqual(["invalid-condition-key-format"]);
  });

  it("rejects undocumented aws: keys, ignoring case for documented ones", () => {
    const [finding] = findings({ Bool: { "aws:SecureTransprt": "true" } });
    expect(finding?.code).toBe("invalid-global-condition-key");
    expect(finding?.message).toContain("did you mean `aws:SecureTransport`");
    expect(codes({ Bool: { "AWS:securetransport": "true" } })).toEqual([]);
    expect(codes({ StringEquals: { "aws:PrincipalTag/team": "a" } })).toEqual([]);
    expect(codes({ StringEquals: { "aws:PrincipalTag/": "a" } })).toEqual([
      "invalid-global-condition-key",
    ]);
  });
});

describe("operator and key types", () => {
  it.each([
    [{ NumericEquals: { "aws:SourceIp": "10" } }],
    [{ Bool: { "aws:PrincipalArn": "true" } }],
    [{ StringEquals: { "aws:SourceIp": "10.0.0.1" } }],
    [{ IpAddress: { "aws:username": "10.0.0.0/8" } }],
    [{ StringEquals: { "elasticfilesystem:AccessedViaMountTarget": "true" } }],
  ])("warns on %j", (condition) => {
    expect(findings(condition)[0]).toMatchObject({ type: "WARNING", code: "type-mismatch" });
  });

  it.each([
    [{ IpAddress: { "aws:SourceIp": "10.0.0.0/8" } }],
    [{ ArnLike: { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/*" } }],
    [{ StringLike: { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/*" } }],
    [{ NumericLessThan: { "aws:EpochTime": "1700000000" } }],
    [{ DateLessThan: { "aws:EpochTime": "2030-01-01T00:00:00Z" } }],
    [{ Bool: { "elasticfilesystem:AccessedViaMountTarget": "true" } }],
    [
      {
        ArnEquals: {
          "elasticfilesystem:AccessPointArn":
            "arn:aws:elasticfilesystem:us-east-1:111122223333:access-point/fsap-1",
        },
      },
    ],
    [{ Null: { "aws:SourceIp": "true" } }],
    [{ StringEquals: { "custom.example.com:sub": "x" } }],
  ])("accepts %j", (condition) => {
    expect(codes(condition)).toEqual([]);
  });

  it("points at the operator", () => {
    const text =
      '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",\n"Condition": {\n  "NumericEquals": {"aws:SourceIp": "1"}}}}';
    const finding = validatePolicy(text, { kind: "identity" }).find(
      (f) => f.code === "type-mismatch",
    );
    expect(finding?.position).toEqual({ line: 3, column: 3 });
  });
});

describe("set qualifiers", () => {
  it("flags ForAllValues on a single-valued key, as a security warning in an Allow", () => {
    const allow = findings({ "ForAllValues:StringEquals": { "aws:PrincipalOrgID": "o-1" } });
    expect(allow[0]).toMatchObject({
      type: "SECURITY_WARNING",
      code: "for-all-values-with-single-valued-key",
    });
    const deny = findings({ "ForAllValues:StringEquals": { "aws:PrincipalOrgID": "o-1" } }, "Deny");
    expect(deny[0]).toMatchObject({
      type: "WARNING",
      code: "for-all-values-with-single-valued-key",
    });
  });

  it("flags ForAnyValue on a single-valued key", () => {
    expect(codes({ "ForAnyValue:StringEquals": { "aws:username": "a" } })).toEqual([
      "for-any-value-with-single-valued-key",
    ]);
    expect(codes({ "ForAnyValue:StringEquals": { "aws:TagKeys": "a" } })).toEqual([]);
  });

  it("flags a multivalued key without a qualifier", () => {
    expect(findings({ StringEquals: { "aws:TagKeys": "team" } })[0]).toMatchObject({
      type: "WARNING",
      code: "missing-qualifier",
    });
    expect(codes({ "ForAllValues:StringEquals": { "aws:TagKeys": "team" } })).toEqual([]);
    expect(codes({ Null: { "aws:TagKeys": "false" } })).toEqual([]);
  });
});
