import { describe, expect, it } from "vitest";
import { validatePolicy } from "./validate.js";

function codes(condition: object): string[] {
  const statement = { Effect: "Deny", Action: "s3:*", Resource: "*", Condition: condition };
  return validatePolicy(JSON.stringify({ Version: "2012-10-17", Statement: statement }), {
    kind: "identity",
  }).map((f) => f.code);
}

describe("condition values", () => {
  it.each([
    [{ Bool: { "aws:SecureTransport": "yes" } }, "type-mismatch-bool"],
    [{ Null: { "aws:SourceVpce": "no" } }, "type-mismatch-bool"],
    [{ NumericLessThan: { "aws:MultiFactorAuthAge": "an hour" } }, "type-mismatch-number"],
    [{ DateGreaterThan: { "aws:CurrentTime": "tomorrow" } }, "type-mismatch-date"],
    [{ IpAddress: { "aws:SourceIp": "10.0.0.0/33" } }, "type-mismatch-ip-range"],
  ])("flags %j", (condition, code) => {
    expect(codes(condition)).toEqual([code]);
  });

  it.each([
    [{ Bool: { "aws:SecureTransport": ["true", "FALSE"] } }],
    [{ Null: { "aws:SourceVpce": "true" } }],
    [{ NumericLessThan: { "aws:MultiFactorAuthAge": 3600 } }],
    [{ DateGreaterThan: { "aws:CurrentTime": "2024-01-01T00:00:00Z" } }],
    [{ IpAddress: { "aws:SourceIp": ["10.0.0.0/8", "2001:db8::/32", "192.0.2.1"] } }],
    [{ DateGreaterThan: { "aws:CurrentTime": "${aws:TokenIssueTime}" } }],
  ])("accepts %j", (condition) => {
    expect(codes(condition)).toEqual([]);
  });

  it("stays quiet when the operator does not fit the key at all", () => {
    expect(codes({ NumericEquals: { "aws:SourceIp": "10.0.0.1" } })).toEqual(["type-mismatch"]);
  });
});
