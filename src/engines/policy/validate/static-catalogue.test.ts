import { describe, expect, it } from "vitest";
import { keyTemplateMatches } from "./condition-key-template.js";
import { staticCatalogue } from "./static-catalogue.js";

describe("static catalogue", () => {
  const catalogue = staticCatalogue({
    serviceNames: ["s3", "ec2"],
    services: {
      s3: {
        actions: { GetObject: ["s3:ExistingObjectTag/<key>"] },
        conditionKeys: { "s3:ExistingObjectTag/<key>": "String", "s3:prefix": "String" },
      },
      sts: {
        actions: {},
        conditionKeys: { "token.actions.githubusercontent.com/${SubPath}:actor": "String" },
      },
    },
  });

  it("knows services, loaded or not, ignoring case", () => {
    expect(catalogue.hasService("S3")).toBe(true);
    expect(catalogue.hasService("ec2")).toBe(true);
    expect(catalogue.hasService("sts")).toBe(true);
    expect(catalogue.hasService("s4")).toBe(false);
    expect(catalogue.actions("ec2")).toBeUndefined();
    expect(catalogue.actions("s3")).toEqual(["GetObject"]);
  });

  it("answers action keys and key types, ignoring case", () => {
    expect(catalogue.actionConditionKeys("s3", "getobject")).toEqual([
      "s3:ExistingObjectTag/<key>",
    ]);
    expect(catalogue.actionConditionKeys("s3", "nope")).toBeUndefined();
    expect(catalogue.conditionKeyType("S3:Prefix")).toBe("String");
    expect(catalogue.conditionKeyType("s3:ExistingObjectTag/team")).toBe("String");
    expect(catalogue.conditionKeyType("token.actions.githubusercontent.com/enterprise:actor")).toBe(
      "String",
    );
    expect(catalogue.conditionKeyType("s3:nope")).toBeUndefined();
  });
});

describe("key templates", () => {
  it.each([
    ["aws:RequestTag/${TagKey}", "aws:requesttag/team", true],
    ["aws:RequestTag/${TagKey}", "aws:RequestTag/", false],
    ["s3:ExistingObjectTag/<key>", "s3:ExistingObjectTag/a/b", true],
    ["s3:prefix", "S3:PREFIX", true],
    ["s3:prefix", "s3:prefixes", false],
    ["a.b:c", "aXb:c", false],
  ] as const)("%s matches %s: %s", (documented, key, expected) => {
    expect(keyTemplateMatches(documented, key)).toBe(expected);
  });
});
