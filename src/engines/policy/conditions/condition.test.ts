import { describe, expect, it } from "vitest";
import type { ConditionEntry } from "../ast.js";
import { parseCaller } from "../caller.js";
import { buildContext } from "../context.js";
import { compileCondition, evaluateCondition } from "./condition.js";

const caller = parseCaller("arn:aws:iam::111122223333:user/alice");

function holds(
  operator: string,
  key: string,
  values: string[],
  context: Record<string, string | string[]>,
  version = true,
): boolean {
  const entry: ConditionEntry = {
    operator: { value: operator },
    key: { value: key },
    values: values.map((value) => ({ value })),
  };
  const compiled = compileCondition(entry, version);
  if ("error" in compiled) throw new Error(compiled.error);
  return evaluateCondition(compiled, buildContext(context, caller)).holds;
}

describe("condition operators", () => {
  it("compares strings case-sensitively unless IgnoreCase", () => {
    expect(
      holds("StringEquals", "aws:SourceVpce", ["vpce-1"], { "aws:SourceVpce": "vpce-1" }),
    ).toBe(true);
    expect(
      holds("StringEquals", "aws:SourceVpce", ["VPCE-1"], { "aws:SourceVpce": "vpce-1" }),
    ).toBe(false);
    expect(
      holds("StringEqualsIgnoreCase", "aws:SourceVpce", ["VPCE-1"], { "aws:SourceVpce": "vpce-1" }),
    ).toBe(true);
    expect(holds("StringLike", "s3:prefix", ["home/*"], { "s3:prefix": "home/a/b" })).toBe(true);
  });
  it("reads keys case-insensitively", () => {
    expect(
      holds("StringEquals", "AWS:SOURCEVPCE", ["vpce-1"], { "aws:sourceVpce": "vpce-1" }),
    ).toBe(true);
  });
  it("makes negated operators true on a missing key and positive ones false", () => {
    expect(holds("StringNotEquals", "aws:SourceVpce", ["vpce-1"], {})).toBe(true);
    expect(holds("StringEquals", "aws:SourceVpce", ["vpce-1"], {})).toBe(false);
    expect(holds("NotIpAddress", "aws:SourceIp", ["10.0.0.0/8"], {})).toBe(true);
  });
  it("makes IfExists true on a missing key only", () => {
    expect(holds("StringEqualsIfExists", "aws:SourceVpce", ["vpce-1"], {})).toBe(true);
    expect(
      holds("StringEqualsIfExists", "aws:SourceVpce", ["vpce-1"], { "aws:SourceVpce": "vpce-2" }),
    ).toBe(false);
  });
  it("ORs the values of one key", () => {
    expect(
      holds("StringEquals", "aws:SourceVpce", ["vpce-1", "vpce-2"], { "aws:SourceVpce": "vpce-2" }),
    ).toBe(true);
    expect(
      holds("StringNotEquals", "aws:SourceVpce", ["vpce-1", "vpce-2"], {
        "aws:SourceVpce": "vpce-2",
      }),
    ).toBe(false);
  });
  it("applies set qualifiers", () => {
    const tags = { "aws:TagKeys": ["a", "b"] };
    expect(holds("ForAllValues:StringEquals", "aws:TagKeys", ["a", "b", "c"], tags)).toBe(true);
    expect(holds("ForAllValues:StringEquals", "aws:TagKeys", ["a"], tags)).toBe(false);
    expect(holds("ForAnyValue:StringEquals", "aws:TagKeys", ["b"], tags)).toBe(true);
    expect(holds("ForAllValues:StringEquals", "aws:TagKeys", ["x"], {})).toBe(true);
    expect(holds("ForAnyValue:StringEquals", "aws:TagKeys", ["x"], {})).toBe(false);
    expect(holds("ForAnyValue:StringNotEquals", "aws:TagKeys", ["a"], tags)).toBe(true);
    expect(holds("ForAllValues:StringNotEquals", "aws:TagKeys", ["a"], tags)).toBe(false);
  });
  it("tests presence with Null", () => {
    expect(holds("Null", "aws:TokenIssueTime", ["true"], {})).toBe(true);
    expect(holds("Null", "aws:TokenIssueTime", ["false"], {})).toBe(false);
    expect(
      holds("Null", "aws:TokenIssueTime", ["false"], {
        "aws:TokenIssueTime": "2026-01-01T00:00:00Z",
      }),
    ).toBe(true);
  });
  it("compares numbers, dates, booleans, binary, addresses and ARNs", () => {
    expect(holds("NumericLessThan", "s3:max-keys", ["10"], { "s3:max-keys": "9" })).toBe(true);
    expect(holds("NumericLessThan", "s3:max-keys", ["10"], { "s3:max-keys": "ten" })).toBe(false);
    expect(
      holds("DateGreaterThan", "aws:CurrentTime", ["2026-01-01T00:00:00Z"], {
        "aws:CurrentTime": "2026-06-01T00:00:00Z",
      }),
    ).toBe(true);
    expect(
      holds("DateLessThan", "aws:CurrentTime", ["1767225600"], {
        "aws:CurrentTime": "2025-12-31T00:00:00Z",
      }),
    ).toBe(true);
    expect(holds("Bool", "aws:SecureTransport", ["true"], { "aws:SecureTransport": "TRUE" })).toBe(
      true,
    );
    expect(holds("Bool", "aws:SecureTransport", ["false"], { "aws:SecureTransport": "true" })).toBe(
      false,
    );
    expect(holds("BinaryEquals", "k:bin", ["QmluYXJ5"], { "k:bin": "QmluYXJ5" })).toBe(true);
    expect(
      holds("IpAddress", "aws:SourceIp", ["203.0.113.0/24"], { "aws:SourceIp": "203.0.113.9" }),
    ).toBe(true);
    expect(
      holds("ArnLike", "aws:SourceArn", ["arn:aws:s3:::bucket-*"], {
        "aws:SourceArn": "arn:aws:s3:::bucket-1",
      }),
    ).toBe(true);
    expect(
      holds("ArnNotLike", "aws:SourceArn", ["arn:aws:s3:::bucket-*"], {
        "aws:SourceArn": "arn:aws:s3:::bucket-1",
      }),
    ).toBe(false);
  });
  it("substitutes policy variables only in Version 2012-10-17", () => {
    const ctx = { "s3:prefix": "home/alice/x" };
    expect(holds("StringLike", "s3:prefix", ["home/${aws:username}/*"], ctx)).toBe(true);
    expect(holds("StringLike", "s3:prefix", ["home/${aws:username}/*"], ctx, false)).toBe(false);
    expect(
      holds("StringEquals", "k:v", ["${aws:PrincipalTag/team, 'none'}"], { "k:v": "none" }),
    ).toBe(true);
    expect(holds("StringEquals", "k:v", ["a${*}b"], { "k:v": "a*b" })).toBe(true);
    expect(holds("StringLike", "k:v", ["a${*}b"], { "k:v": "axxb" })).toBe(false);
  });
  it("refuses invalid operators and values at compile time", () => {
    const bad = (operator: string, value: string) =>
      compileCondition(
        { operator: { value: operator }, key: { value: "k:k" }, values: [{ value }] },
        true,
      );
    expect(bad("StringEqualz", "x")).toHaveProperty("error");
    expect(bad("NullIfExists", "true")).toHaveProperty("error");
    expect(bad("NumericEquals", "abc")).toHaveProperty("error");
    expect(bad("IpAddress", "300.1.1.1")).toHaveProperty("error");
    expect(bad("Bool", "yes")).toHaveProperty("error");
  });
});
