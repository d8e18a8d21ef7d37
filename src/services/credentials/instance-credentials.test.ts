import { describe, expect, it } from "vitest";
import { thrown } from "../thrown.test-support.js";
import { credentialsTestContext, testRoleArn } from "./context.test-support.js";
import { CredentialsError } from "./errors.js";
import { instanceCredentials, instanceRoleName } from "./instance-credentials.js";
import {
  clearInstanceProfile,
  getInstanceProfile,
  setInstanceProfile,
} from "./instance-profile.js";

describe("instance profile", () => {
  it("is absent until set, keeps its instance id when replaced, and can be cleared", () => {
    const ctx = credentialsTestContext();
    expect(instanceRoleName(ctx)).toBeUndefined();
    const first = setInstanceProfile(ctx, { roleArn: testRoleArn("web") });
    expect(first.instanceId).toMatch(/^i-[0-9a-f]{17}$/);
    expect(first.imdsV1Allowed).toBe(false);
    const second = setInstanceProfile(ctx, { roleArn: testRoleArn("fn"), imdsV1Allowed: true });
    expect(second.instanceId).toBe(first.instanceId);
    expect(instanceRoleName(ctx)).toBe("fn");
    clearInstanceProfile(ctx);
    expect(getInstanceProfile(ctx)).toBeUndefined();
  });

  it("refuses a role that does not exist", () => {
    const ctx = credentialsTestContext();
    const error = thrown(CredentialsError, () =>
      setInstanceProfile(ctx, { roleArn: testRoleArn("ghost") }),
    );
    expect(error.message).toBe("role `arn:aws:iam::000000000000:role/ghost` does not exist");
  });
});

describe("instanceCredentials", () => {
  it("answers the D9 document for the profile's role and nothing for other names", () => {
    const ctx = credentialsTestContext();
    expect(instanceCredentials(ctx, "web")).toBeUndefined();
    setInstanceProfile(ctx, { roleArn: testRoleArn("web") });
    const answer = instanceCredentials(ctx, "web");
    expect(answer?.status).toBe(200);
    expect(answer?.document).toMatchObject({
      Code: "Success",
      Type: "AWS-HMAC",
      LastUpdated: "2023-11-14T22:13:20Z",
      AccessKeyId: expect.stringMatching(/^ASIA/),
    });
    expect(instanceCredentials(ctx, "other")).toBeUndefined();
  });

  it("vends 6-hour credentials and answers the same session while it has time left", () => {
    const ctx = credentialsTestContext();
    setInstanceProfile(ctx, { roleArn: testRoleArn("web") });
    const first = instanceCredentials(ctx, "web")?.document;
    expect(first).toMatchObject({ Expiration: "2023-11-15T04:13:20Z" });
    expect(instanceCredentials(ctx, "web")?.document).toEqual(first);
    expect(ctx.store.records.list("sts/session")).toHaveLength(1);
  });

  it("answers AssumeRoleUnauthorizedAccess when the role does not trust EC2", () => {
    const ctx = credentialsTestContext();
    setInstanceProfile(ctx, { roleArn: testRoleArn("task") });
    const answer = instanceCredentials(ctx, "task");
    expect(answer?.document.Code).toBe("AssumeRoleUnauthorizedAccess");
    expect(JSON.stringify(answer?.document)).toContain("ec2.amazonaws.com");
    expect(answer?.document).not.toHaveProperty("AccessKeyId");
  });
});
