import { describe, expect, it } from "vitest";
import { parsePolicy, parsePolicyValue } from "./parse.js";

describe("parsePolicy", () => {
  it("accepts single values or arrays wherever AWS does and keeps positions", () => {
    const text =
      '{\n  "Version": "2012-10-17",\n  "Statement": {\n    "Effect": "Allow",\n    "Action": "s3:GetObject",\n    "Resource": ["arn:aws:s3:::b/*"],\n    "Principal": {"AWS": "111122223333"}\n  }\n}';
    const { policy, issues } = parsePolicy(text);
    expect(issues).toEqual([]);
    const s = policy?.statements[0];
    expect(s?.action?.[0]).toEqual({ value: "s3:GetObject", position: { line: 5, column: 15 } });
    expect(s?.resource?.[0]?.value).toBe("arn:aws:s3:::b/*");
    expect(s?.principal?.entries[0]?.values[0]?.value).toBe("111122223333");
    expect(s?.position).toEqual({ line: 3, column: 16 });
  });
  it("reports JSON syntax errors with their position", () => {
    const { policy, issues } = parsePolicy('{\n  "Version": "2012-10-17",\n  "Statement": [\n}');
    expect(policy).toBeUndefined();
    expect(issues[0]?.code).toBe("json-syntax");
    expect(issues[0]?.position?.line).toBe(4);
  });
  it("reports unknown elements with a suggestion, and wrong types", () => {
    const { issues } = parsePolicy(
      '{"Version":"2012-10-17","Statement":[{"effect":"Allow","Action":5,"Resource":"*"}]}',
    );
    expect(issues.map((i) => i.code)).toEqual(["unknown-element", "wrong-type"]);
    expect(issues[0]?.message).toContain("did you mean `Effect`");
  });
  it("reads condition blocks per key, turning numbers and booleans into strings", () => {
    const { policy } = parsePolicyValue({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: "*",
          Resource: "*",
          Condition: {
            Bool: { "aws:SecureTransport": true },
            NumericLessThan: { "s3:max-keys": 10 },
          },
        },
      ],
    });
    const c = policy?.statements[0]?.condition ?? [];
    expect(c.map((e) => [e.operator.value, e.key.value, e.values.map((v) => v.value)])).toEqual([
      ["Bool", "aws:SecureTransport", ["true"]],
      ["NumericLessThan", "s3:max-keys", ["10"]],
    ]);
  });
  it("flags invalid versions, duplicate elements and a missing Statement", () => {
    expect(parsePolicy('{"Version":"2020-01-01","Statement":[]}').issues[0]?.code).toBe(
      "invalid-version",
    );
    expect(parsePolicy('{"Statement":[],"Statement":[]}').issues[0]?.code).toBe(
      "duplicate-element",
    );
    expect(parsePolicy('{"Version":"2012-10-17"}').issues[0]?.code).toBe("missing-statement");
    expect(parsePolicy("[]").issues[0]?.code).toBe("wrong-type");
    expect(parsePolicy('{"Statement":{"Principal":"arn:aws:iam::1:root"}}').issues[0]?.code).toBe(
      "invalid-principal",
    );
  });
});
