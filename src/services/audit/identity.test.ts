import { describe, expect, it } from "vitest";
import { auditIdentity } from "./identity.js";

describe("auditIdentity", () => {
  it("names the root, users and role sessions as CloudTrail does", () => {
    expect(auditIdentity({ principalArn: "arn:aws:iam::000000000000:root" })).toEqual({
      type: "Root",
      arn: "arn:aws:iam::000000000000:root",
      accountId: "000000000000",
    });
    expect(
      auditIdentity({
        principalArn: "arn:aws:iam::000000000000:user/dev/bob",
        principalId: "AIDAX",
      }),
    ).toMatchObject({ type: "IAMUser", userName: "bob", principalId: "AIDAX" });
    const session = auditIdentity({
      principalArn: "arn:aws:sts::000000000000:assumed-role/app/s1",
      principalId: "AROAX:s1",
      accessKeyId: "ASIAX",
    });
    expect(session).toMatchObject({
      type: "AssumedRole",
      accessKeyId: "ASIAX",
      sessionContext: {
        sessionIssuer: {
          type: "Role",
          principalId: "AROAX",
          arn: "arn:aws:iam::000000000000:role/app",
          userName: "app",
        },
      },
    });
  });

  it("names service principals and anything else", () => {
    expect(auditIdentity({ principalArn: "lambda.amazonaws.com" })).toEqual({
      type: "AWSService",
      invokedBy: "lambda.amazonaws.com",
    });
    expect(auditIdentity({ principalArn: "nonsense" }).type).toBe("Unknown");
  });
});
