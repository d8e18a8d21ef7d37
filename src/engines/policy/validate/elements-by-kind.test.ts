import { describe, expect, it } from "vitest";
import type { PolicyKind } from "../policy-kind.js";
import { validatePolicy } from "./validate.js";

const IDENTITY = { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" };
const PRINCIPAL = { AWS: "arn:aws:iam::111122223333:role/app" };

function codes(statement: object, kind: PolicyKind): string[] {
  return validatePolicy(JSON.stringify({ Version: "2012-10-17", Statement: statement }), {
    kind,
  }).map((f) => f.code);
}

describe("elements by kind", () => {
  it.each(["identity", "boundary", "session", "scp"] as const)(
    "%s: Principal is an error, absence is fine",
    (kind) => {
      expect(codes({ ...IDENTITY, Principal: PRINCIPAL }, kind)).toContain("unsupported-principal");
      expect(codes({ ...IDENTITY, NotPrincipal: PRINCIPAL }, kind)).toContain(
        "unsupported-principal",
      );
      expect(codes(IDENTITY, kind)).toEqual([]);
    },
  );

  it.each(["identity", "boundary", "session", "scp"] as const)(
    "%s: Resource is required",
    (kind) => {
      expect(codes({ Effect: "Allow", Action: "s3:GetObject" }, kind)).toContain(
        "missing-resource",
      );
      expect(
        codes({ Effect: "Allow", Action: "s3:GetObject", NotResource: "arn:aws:s3:::b/*" }, kind),
      ).not.toContain("missing-resource");
    },
  );

  it.each(["resource", "endpoint", "trust"] as const)("%s: Principal is required", (kind) => {
    expect(codes({ Effect: "Deny", Action: "sts:AssumeRole", Resource: "*" }, kind)).toContain(
      "missing-principal",
    );
    expect(
      codes({ Effect: "Deny", Action: "sts:AssumeRole", Principal: PRINCIPAL }, kind),
    ).not.toContain("missing-principal");
  });

  it("reports a missing Principal at the statement", () => {
    const text =
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}\n  ]\n}';
    const finding = validatePolicy(text, { kind: "resource" }).find(
      (f) => f.code === "missing-principal",
    );
    expect(finding).toMatchObject({
      type: "ERROR",
      position: { line: 4, column: 5 },
      statement: 0,
    });
  });

  it("warns about a missing Resource in a resource-based policy", () => {
    const statement = { Effect: "Allow", Action: "s3:GetObject", Principal: PRINCIPAL };
    const finding = validatePolicy(
      JSON.stringify({ Version: "2012-10-17", Statement: statement }),
      { kind: "resource" },
    );
    expect(finding).toEqual([
      expect.objectContaining({ type: "WARNING", code: "missing-resource" }),
    ]);
  });

  it("trust: Resource is not allowed", () => {
    const trust = {
      Effect: "Allow",
      Action: "sts:AssumeRole",
      Principal: { Service: "lambda.amazonaws.com" },
    };
    expect(codes({ ...trust, Resource: "*" }, "trust")).toContain("unsupported-resource");
    expect(codes(trust, "trust")).toEqual([]);
  });

  it("rcp: NotPrincipal and NotAction are not supported", () => {
    const rcp = { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*" };
    expect(codes(rcp, "rcp")).toEqual([]);
    const { Principal: _p, ...withoutPrincipal } = rcp;
    expect(codes({ ...withoutPrincipal, NotPrincipal: PRINCIPAL }, "rcp")).toContain(
      "unsupported-not-principal",
    );
    const { Action: _a, ...withoutAction } = rcp;
    expect(codes({ ...withoutAction, NotAction: "s3:GetObject" }, "rcp")).toContain(
      "unsupported-not-action",
    );
  });
});
