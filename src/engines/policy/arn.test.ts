import { describe, expect, it } from "vitest";
import { compileArnPattern, compileArnPieces, parseArn } from "./arn.js";

describe("parseArn", () => {
  it("splits the six parts and keeps colons inside the resource", () => {
    expect(parseArn("arn:aws:logs:us-east-1:111122223333:log-group:/aws/x:*")).toEqual({
      partition: "aws",
      service: "logs",
      region: "us-east-1",
      account: "111122223333",
      resource: "log-group:/aws/x:*",
    });
  });
  it("rejects text that is not an ARN", () => {
    expect(parseArn("arn:aws:s3")).toBeUndefined();
    expect(parseArn("bucket")).toBeUndefined();
  });
});

describe("compileArnPattern", () => {
  const efs = "arn:aws:elasticfilesystem:us-east-1:111122223333:file-system/fs-0123456789abcdef0";
  it("matches per segment", () => {
    expect(
      compileArnPattern("arn:aws:elasticfilesystem:*:111122223333:file-system/*").matches(efs),
    ).toBe(true);
    expect(
      compileArnPattern("arn:aws:elasticfilesystem:*:444455556666:file-system/*").matches(efs),
    ).toBe(false);
    expect(compileArnPattern("*").matches(efs)).toBe(true);
  });
  it("lets a `*` that ends a segment expand beyond the colon, as the IAM guide says", () => {
    expect(compileArnPattern("arn:aws:elasticfilesystem:us-*:file-system/*").matches(efs)).toBe(
      true,
    );
    expect(compileArnPattern("arn:aws:s3:*").matches("arn:aws:s3:::bucket/key")).toBe(true);
  });
  it("keeps a `*` inside a segment and `?` within the segment", () => {
    expect(
      compileArnPattern("arn:aws:sqs:us-*-1:111122223333:q").matches(
        "arn:aws:sqs:us-east:x-1:111122223333:q",
      ),
    ).toBe(false);
    expect(
      compileArnPattern("arn:aws:sqs:us-east-?:111122223333:q").matches(
        "arn:aws:sqs:us-east-1:111122223333:q",
      ),
    ).toBe(true);
    expect(
      compileArnPattern("arn:aws:sqs:us-east?1:111122223333:q").matches(
        "arn:aws:sqs:us-east:1:111122223333:q",
      ),
    ).toBe(false);
  });
  it("lets a wildcard in the resource part span colons and slashes", () => {
    expect(
      compileArnPattern("arn:aws:logs:us-east-1:111122223333:log-group:*").matches(
        "arn:aws:logs:us-east-1:111122223333:log-group:/a/b:*",
      ),
    ).toBe(true);
  });
  it("is case-sensitive", () => {
    expect(compileArnPattern("arn:aws:s3:::Bucket/*").matches("arn:aws:s3:::bucket/a")).toBe(false);
  });
  it("never matches a non-ARN candidate against an ARN pattern", () => {
    expect(compileArnPattern("arn:aws:s3:::*").matches("bucket")).toBe(false);
  });
  it("matches literal pieces literally", () => {
    const literalStar = compileArnPieces([
      { literal: false, text: "arn:aws:s3:::b/" },
      { literal: true, text: "*" },
    ]);
    expect(literalStar.matches("arn:aws:s3:::b/x")).toBe(false);
    expect(literalStar.matches("arn:aws:s3:::b/*")).toBe(true);
  });
});
