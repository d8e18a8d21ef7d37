import { describe, expect, it } from "vitest";
import { validatePolicy } from "../engines/policy/validate/validate.js";
import { loadCatalogueFor, loadCatalogueForPolicy } from "./iam-data.js";
import { servicesInPolicy } from "./policy-services.js";

describe("iam-data catalogue", () => {
  it("knows real EFS actions and their condition keys", async () => {
    const catalogue = await loadCatalogueFor(["elasticfilesystem"]);
    expect(catalogue.hasService("elasticfilesystem")).toBe(true);
    expect(catalogue.actions("elasticfilesystem")).toContain("ClientMount");
    expect(catalogue.actionConditionKeys("elasticfilesystem", "clientmount")).toContain(
      "elasticfilesystem:AccessedViaMountTarget",
    );
    expect(catalogue.conditionKeyType("elasticfilesystem:AccessedViaMountTarget")).toBe("Bool");
  });

  it("knows every service but loads only those asked for", async () => {
    const catalogue = await loadCatalogueFor(["ELASTICFILESYSTEM", "no-such-service"]);
    expect(catalogue.hasService("ec2")).toBe(true);
    expect(catalogue.actions("ec2")).toBeUndefined();
    expect(catalogue.hasService("no-such-service")).toBe(false);
  });

  it("includes the condition keys of an action's resource types", async () => {
    const catalogue = await loadCatalogueFor(["s3"]);
    expect(catalogue.actionConditionKeys("s3", "GetObject")).toContain(
      "s3:ExistingObjectTag/<key>",
    );
    expect(catalogue.conditionKeyType("s3:ExistingObjectTag/team")).toBe("String");
    expect(catalogue.conditionKeyType("s3:TlsVersion")).toBe("Numeric");
  });

  it("lets the validator suggest s3:GetObject for s3:GetObjekt", async () => {
    const text = JSON.stringify({
      Version: "2012-10-17",
      Statement: {
        Effect: "Allow",
        Action: ["s3:GetObjekt", "elasticfilesystem:ClientMount"],
        Resource: "*",
      },
    });
    const findings = validatePolicy(text, {
      kind: "identity",
      catalogue: await loadCatalogueForPolicy(text),
    });
    expect(findings).toEqual([
      expect.objectContaining({
        type: "ERROR",
        code: "unknown-action",
        message: "action `s3:GetObjekt` does not exist in `s3`; did you mean `s3:GetObject`",
      }),
    ]);
  });

  it("applies AccessedViaMountTarget to ClientMount, and not s3:prefix to it", async () => {
    const policy = (key: string, value: string) =>
      JSON.stringify({
        Version: "2012-10-17",
        Statement: {
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::111122223333:role/app" },
          Action: "elasticfilesystem:ClientMount",
          Resource: "arn:aws:elasticfilesystem:us-east-1:111122223333:file-system/fs-1",
          Condition: { Bool: { [key]: value } },
        },
      });
    const good = policy("elasticfilesystem:AccessedViaMountTarget", "true");
    expect(
      validatePolicy(good, { kind: "resource", catalogue: await loadCatalogueForPolicy(good) }),
    ).toEqual([]);
    const bad = policy("s3:TlsVersion", "1.2");
    const codes = validatePolicy(bad, {
      kind: "resource",
      catalogue: await loadCatalogueForPolicy(bad),
    }).map((f) => f.code);
    expect(codes).toEqual(["type-mismatch", "condition-key-not-applicable"]);
  });
});

describe("servicesInPolicy", () => {
  it("collects action and condition-key prefixes, lowercased and sorted", () => {
    const text = JSON.stringify({
      Statement: [
        { Action: ["S3:GetObject", "*"], Condition: { Bool: { "aws:SecureTransport": "true" } } },
        {
          NotAction: "kms:Decrypt",
          Condition: { StringEquals: { "kms:ViaService": "x", nocolon: "y" } },
        },
      ],
    });
    expect(servicesInPolicy(text)).toEqual(["aws", "kms", "s3"]);
  });

  it("returns nothing for text that is not a policy", () => {
    expect(servicesInPolicy("{")).toEqual([]);
    expect(servicesInPolicy("[]")).toEqual([]);
  });
});
