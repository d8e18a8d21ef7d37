import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { memoryStore } from "../../store/memory/store.js";
import type { IamContext } from "./context.js";
import { createPolicy } from "./managed-policies.js";
import { principalPolicies } from "./principal-policies.js";
import { attachRolePolicy, putRolePolicy } from "./role-policies.js";
import { createRole, putRolePermissionsBoundary } from "./roles.js";
import { createUser, putUserPolicy } from "./users.js";

const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" },
  ],
});
const allow = (action: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: action, Resource: "*" }],
  });
const RW = "arn:aws:iam::aws:policy/AmazonElasticFileSystemClientReadWriteAccess";

function setup(): IamContext {
  const ctx: IamContext = {
    store: memoryStore(),
    random: (n) => new Uint8Array(randomBytes(n)),
    clock: () => 1_700_000_000_000,
    account: "000000000000",
  };
  createRole(ctx, { roleName: "app", path: "/svc/", assumeRolePolicyDocument: TRUST });
  putRolePolicy(ctx, "app", "logs", allow("logs:*"));
  const mine = createPolicy(ctx, { policyName: "mine", policyDocument: allow("s3:*") });
  attachRolePolicy(ctx, "app", mine.arn);
  putRolePermissionsBoundary(ctx, "app", RW);
  createUser(ctx, { userName: "alice" });
  putUserPolicy(ctx, "alice", "assume", allow("sts:AssumeRole"));
  return ctx;
}

const names = (p: ReturnType<typeof principalPolicies>) => p.identityPolicies.map((n) => n.name);

describe("principalPolicies", () => {
  it("gathers a role session's inline and attached policies and boundary", () => {
    const ctx = setup();
    const p = principalPolicies(ctx, "arn:aws:sts::000000000000:assumed-role/app/s1");
    expect(names(p)).toEqual(["inline policy logs", "arn:aws:iam::000000000000:policy/mine"]);
    expect(p.permissionsBoundary?.name).toBe(RW);
    expect(p.permissionsBoundary?.document.statements).toHaveLength(1);
  });

  it("answers the same for the role ARN itself", () => {
    const ctx = setup();
    expect(names(principalPolicies(ctx, "arn:aws:iam::000000000000:role/svc/app"))).toHaveLength(2);
  });

  it("gathers a user's inline policies", () => {
    const p = principalPolicies(setup(), "arn:aws:iam::000000000000:user/alice");
    expect(names(p)).toEqual(["inline policy assume"]);
    expect(p.permissionsBoundary).toBeUndefined();
  });

  it("gives root, services, other accounts and unknown principals no policies", () => {
    const ctx = setup();
    for (const principal of [
      "arn:aws:iam::000000000000:root",
      "lambda.amazonaws.com",
      "arn:aws:iam::111122223333:user/alice",
      "arn:aws:iam::000000000000:user/nobody",
      "arn:aws:sts::000000000000:assumed-role/gone/s1",
    ]) {
      expect(principalPolicies(ctx, principal), principal).toEqual({
        principal,
        identityPolicies: [],
      });
    }
  });
});
