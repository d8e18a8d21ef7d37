import { describe, expect, it } from "vitest";
import type { Decision } from "./decision.js";
import { denialMessage } from "./denial-message.js";

const BOB = "arn:aws:iam::000000000000:user/bob";
const base: Decision = { decision: "ImplicitlyDenied", reasons: [], deciding: [], trace: [] };

describe("denialMessage", () => {
  it("names the policy type whose allow is missing", () => {
    expect(denialMessage(BOB, "iam:GetRole", "*", { ...base, deniedBy: "boundary" })).toBe(
      `User: ${BOB} is not authorized to perform: iam:GetRole on resource: * because no permissions boundary allows the iam:GetRole action`,
    );
    expect(denialMessage(BOB, "iam:GetRole", "*", base)).toMatch(
      /because no identity-based policy allows the iam:GetRole action$/,
    );
  });

  it("names the policy type of an explicit deny", () => {
    const decision: Decision = {
      ...base,
      decision: "ExplicitlyDenied",
      deciding: [
        { policy: { kind: "session", index: 0 }, statement: 0, effect: "Deny", applies: true },
      ],
    };
    expect(denialMessage(BOB, "iam:GetRole", "*", decision)).toMatch(
      / with an explicit deny in a session policy$/,
    );
  });
});
