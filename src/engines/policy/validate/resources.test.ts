import { describe, expect, it } from "vitest";
import { arnProblem } from "./arn-shape.js";
import { validatePolicy } from "./validate.js";

describe("resource ARNs", () => {
  it.each([
    "arn:aws:s3:::bucket",
    "arn:aws:s3:::bucket/home/${aws:username}/*",
    "arn:aws:elasticfilesystem:us-east-1:111122223333:file-system/fs-1",
    "arn:aws:iam::aws:policy/ReadOnlyAccess",
    "arn:aws:iam::111122223333:role/*",
    "arn:*:ec2:*:*:instance/*",
    "arn:aws-us-gov:lambda:us-gov-west-1:111122223333:function:f:1",
  ])("accepts %s", (arn) => {
    expect(arnProblem(arn)).toBeUndefined();
  });

  it.each([
    ["bucket", "invalid-arn-prefix"],
    ["arn:aws:s3::bucket", "missing-arn-field"],
    ["arn:amazon:s3:::bucket", "invalid-partition"],
    ["arn:aws::us-east-1:111122223333:thing", "missing-arn-field"],
    ["arn:aws:S3:::bucket", "invalid-arn-service-case"],
    ["arn:aws:ec2:useast1:111122223333:instance/i-1", "invalid-arn-region"],
    ["arn:aws:iam:us-east-1:111122223333:role/app", "arn-region-not-allowed"],
    ["arn:aws:ec2:us-east-1:1111:instance/i-1", "invalid-arn-account"],
    ["arn:aws:s3:::", "invalid-arn-resource"],
  ])("rejects %s as %s", (arn, code) => {
    expect(arnProblem(arn)?.code).toBe(code);
  });

  it("reports at the value, for Resource and NotResource", () => {
    const text =
      '{"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "s3:*",\n  "NotResource": ["arn:aws:s3:::ok", "my-bucket"]}}';
    const findings = validatePolicy(text, { kind: "identity" });
    expect(findings).toEqual([
      expect.objectContaining({
        type: "ERROR",
        code: "invalid-arn-prefix",
        position: { line: 2, column: 38 },
      }),
    ]);
  });

  it("accepts * ", () => {
    const text = JSON.stringify({
      Version: "2012-10-17",
      Statement: { Effect: "Deny", Action: "s3:*", Resource: "*" },
    });
    expect(validatePolicy(text, { kind: "identity" })).toEqual([]);
  });
});
