import { describe, expect, it } from "vitest";
import { resolveAccessKey } from "../sts/resolve-access-key.js";
import { thrown } from "../thrown.test-support.js";
import { containerCredentials } from "./container-credentials.js";
import {
  deregisterContainerCredentials,
  findContainerRegistration,
  registerContainerCredentials,
} from "./container-registrations.js";
import { credentialsTestContext, NOW, testRoleArn } from "./context.test-support.js";
import { CredentialsError } from "./errors.js";

describe("container credential registrations", () => {
  it("binds a uuid to the task role with a task ARN and a token", () => {
    const ctx = credentialsTestContext();
    const r = registerContainerCredentials(ctx, { roleArn: testRoleArn("task"), taskId: "t1" });
    expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(r.taskArn).toBe("arn:aws:ecs:us-east-1:000000000000:task/default/t1");
    expect(r.authorizationToken).toMatch(/^[\w-]{43}$/);
    expect(findContainerRegistration(ctx, r.id)).toEqual(r);
    deregisterContainerCredentials(ctx, r.id);
    expect(findContainerRegistration(ctx, r.id)).toBeUndefined();
  });

  it("defaults the task id to 32 hex digits and can omit the token", () => {
    const ctx = credentialsTestContext();
    const r = registerContainerCredentials(ctx, {
      roleArn: testRoleArn("task"),
      requireToken: false,
    });
    expect(r.taskId).toMatch(/^[0-9a-f]{32}$/);
    expect(r.authorizationToken).toBeUndefined();
  });

  it("refuses a malformed ARN, a missing role and a bad task id", () => {
    const ctx = credentialsTestContext();
    const bad = thrown(CredentialsError, () =>
      registerContainerCredentials(ctx, { roleArn: "task" }),
    );
    expect(bad.code).toBe("ValidationError");
    expect(bad.message).toContain("`task`");
    const missing = thrown(CredentialsError, () =>
      registerContainerCredentials(ctx, { roleArn: testRoleArn("nobody") }),
    );
    expect(missing.code).toBe("NoSuchEntity");
    const task = thrown(CredentialsError, () =>
      registerContainerCredentials(ctx, { roleArn: testRoleArn("task"), taskId: "a b" }),
    );
    expect(task.message).toBe("task id `a b`: expected 1..64 characters of [A-Za-z0-9_-]");
  });
});

describe("containerCredentials", () => {
  it("vends 6-hour credentials of the task role's session named by the task id", () => {
    const ctx = credentialsTestContext();
    const r = registerContainerCredentials(ctx, { roleArn: testRoleArn("task"), taskId: "t1" });
    const doc = containerCredentials(ctx, r.id, r.authorizationToken);
    expect(doc.RoleArn).toBe(testRoleArn("task"));
    expect(doc.AccessKeyId).toMatch(/^ASIA/);
    // 6 h (aws-facts D1), beyond the role's MaxSessionDuration (1 h by default).
    expect(doc.Expiration).toBe(new Date(NOW + 6 * 3600_000).toISOString().replace(".000Z", "Z"));
    const session = resolveAccessKey(ctx, doc.AccessKeyId);
    expect(JSON.stringify(session)).toContain("assumed-role/task/t1");
  });

  it("answers the same session until 15 minutes are left, then a new one", () => {
    let now = NOW;
    const ctx = { ...credentialsTestContext(), clock: () => now };
    const r = registerContainerCredentials(ctx, { roleArn: testRoleArn("task") });
    const first = containerCredentials(ctx, r.id, r.authorizationToken);
    now = NOW + (6 * 3600 - 15 * 60 - 1) * 1000;
    expect(containerCredentials(ctx, r.id, r.authorizationToken)).toEqual(first);
    now += 2000;
    const next = containerCredentials(ctx, r.id, r.authorizationToken);
    expect(next.AccessKeyId).not.toBe(first.AccessKeyId);
    expect(containerCredentials(ctx, r.id, r.authorizationToken).AccessKeyId).toBe(
      next.AccessKeyId,
    );
    const other = registerContainerCredentials(ctx, { roleArn: testRoleArn("task") });
    const theirs = containerCredentials(ctx, other.id, other.authorizationToken);
    expect(theirs.AccessKeyId).not.toBe(next.AccessKeyId);
    expect(ctx.store.records.list("sts/session")).toHaveLength(3);
  });

  it("refuses an unknown id, a missing or wrong token, and a role that does not trust ECS", () => {
    const ctx = credentialsTestContext();
    expect(
      thrown(CredentialsError, () => containerCredentials(ctx, "nope", undefined)),
    ).toMatchObject({
      code: "InvalidIdInRequest",
      httpStatus: 400,
    });
    const r = registerContainerCredentials(ctx, { roleArn: testRoleArn("task") });
    for (const token of [undefined, "wrong", `${r.authorizationToken}x`]) {
      expect(thrown(CredentialsError, () => containerCredentials(ctx, r.id, token))).toMatchObject({
        code: "Unauthorized",
        httpStatus: 401,
      });
    }
    const fn = registerContainerCredentials(ctx, {
      roleArn: testRoleArn("fn"),
      requireToken: false,
    });
    const refused = thrown(CredentialsError, () => containerCredentials(ctx, fn.id, undefined));
    expect(refused.httpStatus).toBe(403);
    expect(refused.message).toContain(testRoleArn("fn"));
    expect(refused.message).toContain("ecs-tasks.amazonaws.com");
  });
});
