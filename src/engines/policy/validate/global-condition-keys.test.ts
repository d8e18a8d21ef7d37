import { describe, expect, it } from "vitest";
import { GLOBAL_CONDITION_KEYS, globalConditionKey, isAwsKey } from "./global-condition-keys.js";

describe("global condition keys", () => {
  it("looks keys up ignoring case, tag keys by prefix", () => {
    expect(globalConditionKey("AWS:SOURCEIP")?.types).toEqual(["IPAddress"]);
    expect(globalConditionKey("aws:ResourceTag/Project")?.key).toBe("aws:ResourceTag/");
    expect(globalConditionKey("aws:ResourceTag/")).toBeUndefined();
    expect(globalConditionKey("aws:EpochTime")?.types).toEqual(["Date", "Numeric"]);
    expect(globalConditionKey("lambda:SourceFunctionArn")?.types).toEqual(["ARN"]);
    expect(globalConditionKey("aws:NoSuchKey")).toBeUndefined();
  });

  it("lists each key once and marks the multivalued ones as arrays", () => {
    const keys = GLOBAL_CONDITION_KEYS.map((k) => k.key.toLowerCase());
    expect(new Set(keys).size).toBe(keys.length);
    const arrays = GLOBAL_CONDITION_KEYS.filter((k) =>
      k.types.some((t) => t.startsWith("ArrayOf")),
    ).map((k) => k.key);
    expect(arrays).toEqual(
      expect.arrayContaining(["aws:TagKeys", "aws:CalledVia", "aws:PrincipalOrgPaths"]),
    );
  });

  it("tells aws: keys apart", () => {
    expect(isAwsKey("AWS:username")).toBe(true);
    expect(isAwsKey("s3:prefix")).toBe(false);
  });
});
