import { describe, expect, it } from "vitest";
import type { AuditEvent } from "../../services/audit/event.js";
import { formatEvent } from "./events-format.js";

const base: AuditEvent = {
  eventVersion: "1.09",
  eventTime: "2026-11-23T21:00:00.000Z",
  eventSource: "iam.amazonaws.com",
  eventName: "CreateRole",
  eventID: "e-1",
  eventType: "AwsApiCall",
  userIdentity: { type: "IAMUser", arn: "arn:aws:iam::000000000000:user/bob" },
};

describe("formatEvent", () => {
  it("prints an allowed call as ok", () => {
    expect(formatEvent(base, "text")).toBe(
      "2026-11-23T21:00:00.000Z  iam.amazonaws.com  CreateRole  arn:aws:iam::000000000000:user/bob  ok",
    );
  });

  it("explains a refusal with the engine's reason and the deciding statements", () => {
    const refused: AuditEvent = {
      ...base,
      errorCode: "AccessDenied",
      errorMessage: "User: … is not authorized",
      serviceEventDetails: {
        decisions: [
          {
            action: "iam:CreateRole",
            resource: "*",
            decision: "ExplicitlyDenied",
            reasons: ["explicitly denied by the identity-based policy"],
            deciding: [
              {
                policy: "inline policy guard",
                policyType: "identity",
                effect: "Deny",
                sid: "NoRoles",
              },
            ],
          },
        ],
      },
    };
    expect(formatEvent(refused, "text")).toMatch(
      / {2}refused AccessDenied: explicitly denied by the identity-based policy \[inline policy guard \(NoRoles\)\]$/,
    );
  });

  it("prints other failures with their message, and unknown callers by key", () => {
    const failed: AuditEvent = {
      ...base,
      userIdentity: { type: "Unknown", accessKeyId: "AKIAEXAMPLE" },
      errorCode: "SignatureDoesNotMatch",
      errorMessage: "The request signature we calculated does not match",
    };
    expect(formatEvent(failed, "text")).toContain(
      "unknown caller (key AKIAEXAMPLE)  refused SignatureDoesNotMatch: The request signature",
    );
    const broken = {
      ...base,
      errorCode: "NoSuchEntity",
      errorMessage: "The role with name x cannot be found.",
    };
    expect(formatEvent(broken, "text")).toMatch(/failed NoSuchEntity: The role with name x/);
  });

  it("prints the record itself as one JSON line", () => {
    expect(JSON.parse(formatEvent(base, "json"))).toEqual(base);
  });
});
