import { describe, expect, it } from "vitest";
import { validatePolicy } from "./validate.js";

const STATEMENT = {
  Effect: "Allow",
  Action: "s3:GetObject",
  Resource: "arn:aws:s3:::b/home/${aws:username}/*",
};

describe("version", () => {
  it("warns when Version is missing, at the policy's opening brace", () => {
    const findings = validatePolicy(
      JSON.stringify({ Statement: { ...STATEMENT, Resource: "*" } }),
      { kind: "identity" },
    );
    expect(findings).toEqual([
      expect.objectContaining({
        type: "WARNING",
        code: "missing-version",
        position: { line: 1, column: 1 },
      }),
    ]);
  });

  it("makes a missing Version an error in an RCP", () => {
    const rcp = { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*" };
    const findings = validatePolicy(JSON.stringify({ Statement: rcp }), { kind: "rcp" });
    expect(findings.find((f) => f.code === "missing-version")?.type).toBe("ERROR");
  });

  it("warns about policy variables under 2008-10-17 or no version, not under 2012-10-17", () => {
    const old = validatePolicy(JSON.stringify({ Version: "2008-10-17", Statement: STATEMENT }), {
      kind: "identity",
    });
    expect(old.map((f) => f.code)).toEqual(["variables-unsupported-in-version"]);
    const none = validatePolicy(JSON.stringify({ Statement: STATEMENT }), { kind: "identity" });
    expect(none.map((f) => f.code)).toEqual([
      "missing-version",
      "variables-unsupported-in-version",
    ]);
    const current = validatePolicy(
      JSON.stringify({ Version: "2012-10-17", Statement: STATEMENT }),
      { kind: "identity" },
    );
    expect(current).toEqual([]);
  });

  it("finds variables in condition values too", () => {
    const statement = {
      ...STATEMENT,
      Resource: "*",
      Condition: { StringEquals: { "aws:PrincipalTag/team": "${aws:username}" } },
    };
    const findings = validatePolicy(
      JSON.stringify({ Version: "2008-10-17", Statement: statement }),
      { kind: "identity" },
    );
    expect(findings.map((f) => f.code)).toEqual(["variables-unsupported-in-version"]);
  });
});
