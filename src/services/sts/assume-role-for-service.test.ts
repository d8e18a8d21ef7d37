import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { memoryStore } from "../../store/memory/store.js";
import { createRole } from "../iam/roles.js";
import { assumeRoleForService, LAMBDA_CANNOT_ASSUME_ROLE } from "./assume-role-for-service.js";
import type { StsContext } from "./context.js";
import { resolveAccessKey } from "./resolve-access-key.js";

const ACCOUNT = "000000000000";
const NOW = 1_700_000_000_000;
const trustService = (service: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }],
  });

function setup(): StsContext {
  const ctx: StsContext = {
    store: memoryStore(),
    random: (n) => new Uint8Array(randomBytes(n)),
    clock: () => NOW,
    account: ACCOUNT,
  };
  createRole(ctx, {
    roleName: "fn",
    assumeRolePolicyDocument: trustService("lambda.amazonaws.com"),
  });
  createRole(ctx, {
    roleName: "deployer",
    assumeRolePolicyDocument: trustService("cloudformation.amazonaws.com"),
  });
  return ctx;
}

const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

describe("assumeRoleForService", () => {
  it("issues session credentials when the trust policy names the service", () => {
    const ctx = setup();
    const result = assumeRoleForService(ctx, {
      roleArn: roleArn("fn"),
      servicePrincipal: "lambda.amazonaws.com",
      sessionName: "my-function",
    });
    if (!result.granted) throw new Error(result.reason);
    expect(result.session.assumedRoleUser.arn).toBe(
      `arn:aws:sts::${ACCOUNT}:assumed-role/fn/my-function`,
    );
    expect(result.session.sourcePrincipal).toBe("lambda.amazonaws.com");
    const resolved = resolveAccessKey(ctx, result.session.credentials.accessKeyId);
    expect(resolved.principalArn).toBe(result.session.assumedRoleUser.arn);
    expect(resolved.expiration).toBe(NOW + 3600_000);
  });

  it("lets a service endpoint exceed MaxSessionDuration, and no one else", () => {
    const ctx = setup();
    const ask = {
      roleArn: roleArn("fn"),
      servicePrincipal: "lambda.amazonaws.com",
      sessionName: "task-1",
      durationSeconds: 6 * 3600,
    };
    expect(() => assumeRoleForService(ctx, ask)).toThrow(/MaxSessionDuration/);
    const vended = assumeRoleForService(ctx, { ...ask, vendedBy: "service-endpoint" });
    if (!vended.granted) throw new Error(vended.reason);
    expect(vended.session.credentials.expiration).toBe(NOW + 6 * 3600_000);
    expect(() =>
      assumeRoleForService(ctx, { ...ask, vendedBy: "service-endpoint", durationSeconds: 43201 }),
    ).toThrow(/43200/);
  });

  it("reuses a matching session with enough time left, else issues a new one", () => {
    let now = NOW;
    const ctx = { ...setup(), clock: () => now };
    const ask = {
      roleArn: roleArn("fn"),
      servicePrincipal: "lambda.amazonaws.com",
      sessionName: "fn-1",
    };
    const first = assumeRoleForService(ctx, ask);
    if (!first.granted) throw new Error(first.reason);
    const reuse = { accessKeyId: first.session.credentials.accessKeyId, minRemainingSeconds: 900 };
    const again = assumeRoleForService(ctx, { ...ask, reuse });
    expect(again).toEqual(first);
    const renamed = assumeRoleForService(ctx, { ...ask, sessionName: "fn-2", reuse });
    expect(renamed.granted && renamed.session.credentials.accessKeyId).not.toBe(reuse.accessKeyId);
    now = NOW + (3600 - 900) * 1000;
    const late = assumeRoleForService(ctx, { ...ask, reuse });
    expect(late.granted && late.session.credentials.accessKeyId).not.toBe(reuse.accessKeyId);
  });

  it("refuses lambda.amazonaws.com a role trusting only cloudformation.amazonaws.com, as Lambda says", () => {
    const result = assumeRoleForService(setup(), {
      roleArn: roleArn("deployer"),
      servicePrincipal: "lambda.amazonaws.com",
      sessionName: "my-function",
    });
    expect(result.granted).toBe(false);
    if (result.granted) return;
    expect(result.reason).toBe("The role defined for the function cannot be assumed by Lambda.");
    expect(result.reason).toBe(LAMBDA_CANNOT_ASSUME_ROLE);
    expect(result.decision?.decision).toBe("ImplicitlyDenied");
  });

  it("refuses other services and missing roles with a reason", () => {
    const ctx = setup();
    const ecs = assumeRoleForService(ctx, {
      roleArn: roleArn("fn"),
      servicePrincipal: "ecs-tasks.amazonaws.com",
      sessionName: "task-1",
    });
    expect(ecs.granted).toBe(false);
    if (!ecs.granted) expect(ecs.reason).toContain("`ecs-tasks.amazonaws.com`");
    const missing = assumeRoleForService(ctx, {
      roleArn: roleArn("ghost"),
      servicePrincipal: "lambda.amazonaws.com",
      sessionName: "fn",
    });
    expect(missing).toEqual({ granted: false, reason: LAMBDA_CANNOT_ASSUME_ROLE });
  });
});
