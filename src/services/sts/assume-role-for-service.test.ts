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
