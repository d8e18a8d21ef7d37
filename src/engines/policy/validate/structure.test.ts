import { describe, expect, it } from "vitest";
import type { PolicyKind } from "../policy-kind.js";
import { validatePolicy } from "./validate.js";

const OK = { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" };

function codes(statements: object[], kind: PolicyKind = "identity"): string[] {
  return validatePolicy(JSON.stringify({ Version: "2012-10-17", Statement: statements }), {
    kind,
  }).map((f) => f.code);
}

describe("statement shape", () => {
  it("accepts a well-formed statement", () => {
    expect(codes([OK])).toEqual([]);
  });

  it("reports a missing Effect", () => {
    expect(codes([{ Action: "s3:GetObject", Resource: "*" }])).toContain("missing-effect");
    expect(codes([{ ...OK }])).not.toContain("missing-effect");
  });

  it("reports an invalid Effect with a hint on case", () => {
    const findings = validatePolicy(
      JSON.stringify({ Version: "2012-10-17", Statement: { ...OK, Effect: "allow" } }),
      {
        kind: "identity",
      },
    );
    expect(findings.map((f) => f.code)).toEqual(["invalid-effect"]);
    expect(findings[0]?.message).toBe(
      "`Effect` must be `Allow` or `Deny`, found `allow`; did you mean `Allow`",
    );
    expect(codes([{ ...OK, Effect: "Deny" }])).toEqual([]);
  });

  it("reports a statement with neither Action nor NotAction", () => {
    expect(codes([{ Effect: "Deny", Resource: "*" }])).toContain("missing-action");
    expect(codes([{ Effect: "Deny", NotAction: "s3:GetObject", Resource: "*" }])).not.toContain(
      "missing-action",
    );
  });

  it.each([
    ["Action", "NotAction", { NotAction: "s3:PutObject" }],
    ["Resource", "NotResource", { NotResource: "arn:aws:s3:::other/*" }],
  ])("reports %s together with %s", (_a, _b, extra) => {
    expect(codes([{ ...OK, ...extra }])).toContain("unsupported-element-combination");
  });

  it("reports Principal together with NotPrincipal", () => {
    const principal = { AWS: "111122223333" };
    const both = { ...OK, Principal: principal, NotPrincipal: principal };
    expect(codes([both], "resource")).toContain("unsupported-element-combination");
    expect(codes([{ ...OK, Principal: principal }], "resource")).not.toContain(
      "unsupported-element-combination",
    );
  });
});

describe("sids", () => {
  it("reports a duplicate Sid as an error at the second one", () => {
    const text = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Sid: "A", ...OK },
        { Sid: "A", ...OK, Effect: "Deny" },
      ],
    });
    const findings = validatePolicy(text, { kind: "identity" }).filter(
      (f) => f.code === "duplicate-sid",
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ type: "ERROR", statement: 1 });
    expect(
      codes([
        { Sid: "A", ...OK },
        { Sid: "B", ...OK, Effect: "Deny" },
      ]),
    ).not.toContain("duplicate-sid");
  });

  it("suggests removing an empty Sid and does not count empty Sids as duplicates", () => {
    const found = codes([
      { Sid: "", ...OK },
      { Sid: "", ...OK, Effect: "Deny" },
    ]);
    expect(found.filter((c) => c === "empty-sid")).toHaveLength(2);
    expect(found).not.toContain("duplicate-sid");
  });

  it("limits identity-policy Sids to letters and digits, but not resource-policy ones", () => {
    expect(codes([{ Sid: "Allow reads", ...OK }])).toContain("unsupported-sid");
    expect(codes([{ Sid: "AllowReads1", ...OK }])).not.toContain("unsupported-sid");
    const resourceStatement = { Sid: "Allow reads", ...OK, Principal: { AWS: "111122223333" } };
    expect(codes([resourceStatement], "resource")).not.toContain("unsupported-sid");
  });
});
