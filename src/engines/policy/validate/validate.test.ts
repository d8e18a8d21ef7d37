import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePolicyValue } from "../parse.js";
import { POLICY_KINDS } from "../policy-kind.js";
import { FINDING_CODES } from "./codes.js";
import type { Finding } from "./finding.js";
import { staticCatalogue } from "./static-catalogue.js";
import { validateParsed, validatePolicy } from "./validate.js";

const catalogue = staticCatalogue({
  serviceNames: ["s3", "sts"],
  services: {
    s3: {
      actions: { GetObject: ["s3:ExistingObjectTag/<key>"], ListBucket: ["s3:prefix"] },
      conditionKeys: { "s3:prefix": "String" },
    },
  },
});

describe("validatePolicy", () => {
  it("turns parse issues into ERROR findings under their code", () => {
    expect(validatePolicy("{", { kind: "identity" })).toEqual([
      expect.objectContaining({
        type: "ERROR",
        code: "json-syntax",
        position: { line: 1, column: 2 },
      }),
    ]);
    const text = '{"Version": "2012-10-17", "Statment": []}';
    const codes = validatePolicy(text, { kind: "identity" }).map((f) => f.code);
    expect(codes).toEqual(["missing-statement", "unknown-element"]);
  });

  it("still runs the rules when the parse had issues", () => {
    const text =
      '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resorce": "*"}}';
    const codes = validatePolicy(text, { kind: "identity" }).map((f) => f.code);
    expect(codes).toEqual(["missing-resource", "unknown-element"]);
  });

  it("lists findings in source order, with line and column", () => {
    const text = [
      "{",
      '  "Statement": [',
      '    {"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "bucket"},',
      '    {"Effect": "Maybe", "Action": "s3:GetObject", "Resource": "*"}',
      "  ]",
      "}",
    ].join("\n");
    const found = validatePolicy(text, { kind: "identity", catalogue }).map((f) => [
      f.code,
      f.position?.line,
      f.position?.column,
    ]);
    expect(found).toEqual([
      ["missing-version", 1, 1],
      ["unknown-action", 3, 35],
      ["invalid-arn-prefix", 3, 63],
      ["invalid-effect", 4, 16],
    ]);
  });

  it("validates policies given as values, without positions", () => {
    const result = parsePolicyValue({
      Version: "2012-10-17",
      Statement: { Effect: "Allow", Action: "s3:GetObject" },
    });
    expect(validateParsed(result, { kind: "identity" })).toEqual([
      {
        type: "ERROR",
        code: "missing-resource",
        message:
          "statement 0 has neither `Resource` nor `NotResource`, which an identity-based policy requires",
        statement: 0,
      },
    ]);
  });
});

const kind = fc.constantFrom(...POLICY_KINDS);
const stringish = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "*",
    "s3:GetObject",
    "s3:*",
    "sts:AssumeRole",
    "arn:aws:s3:::b/*",
    "arn:aws:iam::111122223333:role/r*",
    "${aws:username}",
    "Allow",
    "Deny",
  ),
);
const element = fc.oneof(
  stringish,
  fc.array(stringish, { maxLength: 3 }),
  fc.jsonValue({ maxDepth: 2 }),
);
const principal = fc.oneof(
  fc.constant("*"),
  fc.dictionary(fc.constantFrom("AWS", "Service", "Federated", "CanonicalUser", "X"), element),
);
const conditionKey = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "aws:SourceIp",
    "aws:TagKeys",
    "s3:prefix",
    "s3:ExistingObjectTag/a",
    "saml:aud",
    "x:y",
  ),
);
const operator = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "StringEquals",
    "ForAllValues:StringLike",
    "NumericLessThan",
    "Bool",
    "NullIfExists",
    "IpAddress",
    "DateLessThan",
  ),
);
const condition = fc.dictionary(operator, fc.dictionary(conditionKey, element, { maxKeys: 3 }), {
  maxKeys: 3,
});
const statement = fc.record(
  {
    Sid: fc.oneof(fc.constant(""), fc.string()),
    Effect: fc.oneof(fc.constantFrom("Allow", "Deny"), fc.jsonValue({ maxDepth: 1 })),
    Principal: principal,
    NotPrincipal: principal,
    Action: element,
    NotAction: element,
    Resource: element,
    NotResource: element,
    Condition: fc.oneof(condition, fc.jsonValue({ maxDepth: 2 })),
  },
  { requiredKeys: [] },
);
const policyLike = fc.record(
  {
    Version: fc.constantFrom("2012-10-17", "2008-10-17", "x"),
    Id: fc.string(),
    Statement: fc.oneof(statement, fc.array(statement, { maxLength: 4 })),
  },
  { requiredKeys: [] },
);

function wellFormed(findings: Finding[]): boolean {
  return findings.every(
    (f) => typeof f.message === "string" && Object.hasOwn(FINDING_CODES, f.code),
  );
}

describe("validatePolicy never throws", () => {
  it("on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string(), kind, (text, k) =>
        wellFormed(validatePolicy(text, { kind: k, catalogue })),
      ),
    );
  });

  it("on arbitrary JSON values, as text and as values", () => {
    fc.assert(
      fc.property(fc.jsonValue(), kind, (value, k) => {
        const asText = validatePolicy(JSON.stringify(value), { kind: k, catalogue });
        const asValue = validateParsed(parsePolicyValue(value), { kind: k, catalogue });
        return wellFormed(asText) && wellFormed(asValue);
      }),
    );
  });

  it("on policy-shaped values, and knows every code it reports", () => {
    fc.assert(
      fc.property(policyLike, kind, fc.boolean(), (policy, k, withCatalogue) =>
        wellFormed(
          validatePolicy(JSON.stringify(policy, null, 1), {
            kind: k,
            ...(withCatalogue ? { catalogue } : {}),
          }),
        ),
      ),
      { numRuns: 500 },
    );
  });
});
