import { describe, expect, it } from "vitest";
import { staticCatalogue } from "./static-catalogue.js";
import { validatePolicy } from "./validate.js";

const catalogue = staticCatalogue({
  serviceNames: ["s3", "ec2", "elasticfilesystem", "sts"],
  services: {
    s3: {
      actions: {
        ListBucket: ["s3:prefix"],
        GetObject: ["s3:ExistingObjectTag/<key>"],
        PutObject: [],
      },
      conditionKeys: { "s3:prefix": "String", "s3:ExistingObjectTag/<key>": "String" },
    },
    elasticfilesystem: {
      actions: {
        ClientMount: ["elasticfilesystem:AccessedViaMountTarget"],
        ClientWrite: ["elasticfilesystem:AccessedViaMountTarget"],
      },
      conditionKeys: { "elasticfilesystem:AccessedViaMountTarget": "Bool" },
    },
    sts: { actions: { AssumeRoleWithSAML: ["saml:aud"] }, conditionKeys: { "saml:aud": "String" } },
  },
});

function codes(action: unknown, condition: object, withCatalogue = true): string[] {
  const statement = { Effect: "Allow", Action: action, Resource: "*", Condition: condition };
  const text = JSON.stringify({ Version: "2012-10-17", Statement: statement });
  return validatePolicy(text, { kind: "identity", ...(withCatalogue ? { catalogue } : {}) }).map(
    (f) => f.code,
  );
}

describe("condition key applicability", () => {
  it("warns when no action of the statement supports a service key", () => {
    expect(codes("s3:GetObject", { StringLike: { "s3:prefix": "home/" } })).toEqual([
      "condition-key-not-applicable",
    ]);
    expect(
      codes(["s3:GetObject", "s3:ListBucket"], { StringLike: { "s3:prefix": "home/" } }),
    ).toEqual([]);
    expect(codes("s3:List*", { StringLike: { "s3:prefix": "home/" } })).toEqual([]);
  });

  it("matches documented keys with placeholders", () => {
    expect(codes("s3:GetObject", { StringEquals: { "s3:ExistingObjectTag/team": "a" } })).toEqual(
      [],
    );
    expect(codes("s3:PutObject", { StringEquals: { "s3:ExistingObjectTag/team": "a" } })).toEqual([
      "condition-key-not-applicable",
    ]);
  });

  it("lets global keys apply to every action", () => {
    expect(codes("s3:PutObject", { Bool: { "aws:SecureTransport": "true" } })).toEqual([]);
  });

  it("skips what it cannot know: *, NotAction, unloaded services, no catalogue", () => {
    expect(codes("*", { StringLike: { "s3:prefix": "home/" } })).toEqual([]);
    expect(codes("ec2:RunInstances", { StringLike: { "s3:prefix": "home/" } })).toEqual([]);
    expect(codes("s3:GetObject", { StringLike: { "s3:prefix": "home/" } }, false)).toEqual([]);
  });

  it("reports keys that do not exist in a known service, with a hint", () => {
    const text = JSON.stringify({
      Version: "2012-10-17",
      Statement: {
        Effect: "Allow",
        Action: "s3:ListBucket",
        Resource: "*",
        Condition: { StringLike: { "s3:prefx": "a" } },
      },
    });
    const [finding] = validatePolicy(text, { kind: "identity", catalogue });
    expect(finding).toMatchObject({ type: "ERROR", code: "unknown-condition-key" });
    expect(finding?.message).toBe(
      "condition key `s3:prefx` does not exist in `s3`; did you mean `s3:prefix`",
    );
  });

  it("reports keys under an unknown service prefix, but not identity-provider keys", () => {
    expect(codes("s3:GetObject", { StringEquals: { "s4:prefix": "a" } })).toEqual([
      "unknown-condition-key",
    ]);
    expect(codes("sts:AssumeRoleWithSAML", { StringEquals: { "SAML:aud": "a" } })).toEqual([]);
    const oidc = { StringLike: { "token.actions.githubusercontent.com:sub": "repo:org/*" } };
    expect(codes("sts:AssumeRoleWithSAML", oidc)).toEqual([]);
  });

  it("applies EFS's AccessedViaMountTarget to ClientMount", () => {
    const condition = { Bool: { "elasticfilesystem:AccessedViaMountTarget": "true" } };
    expect(
      codes(["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"], condition),
    ).toEqual([]);
  });
});
