import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { memoryStore } from "../../store/memory/store.js";
import { thrown } from "../thrown.test-support.js";
import type { IamContext } from "./context.js";
import { IamError } from "./errors.js";
import { createPolicy } from "./managed-policies.js";
import {
  attachRolePolicy,
  deleteRolePolicy,
  detachRolePolicy,
  getRolePolicy,
  listAttachedRolePolicies,
  listRolePolicies,
  putRolePolicy,
} from "./role-policies.js";
import { createRole, deleteRole } from "./roles.js";

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
const BASIC = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

function setup(): IamContext {
  const ctx: IamContext = {
    store: memoryStore(),
    random: (n) => new Uint8Array(randomBytes(n)),
    clock: () => 1_700_000_000_000,
    account: "000000000000",
  };
  createRole(ctx, { roleName: "app", assumeRolePolicyDocument: TRUST });
  return ctx;
}

const failure = (work: () => unknown) => thrown(IamError, work);

describe("inline role policies", () => {
  it("puts, gets, lists and deletes", () => {
    const ctx = setup();
    putRolePolicy(ctx, "app", "logs", allow("logs:*"));
    putRolePolicy(ctx, "app", "efs", allow("elasticfilesystem:ClientMount"));
    putRolePolicy(ctx, "app", "logs", allow("logs:PutLogEvents"));
    expect(getRolePolicy(ctx, "app", "logs")).toBe(allow("logs:PutLogEvents"));
    expect(listRolePolicies(ctx, "app").items).toEqual(["efs", "logs"]);
    const page = listRolePolicies(ctx, "app", { maxItems: 1 });
    expect(page).toMatchObject({ items: ["efs"], isTruncated: true });
    expect(
      listRolePolicies(ctx, "app", { maxItems: 1, ...(page.marker ? { marker: page.marker } : {}) })
        .items,
    ).toEqual(["logs"]);
    deleteRolePolicy(ctx, "app", "logs");
    expect(listRolePolicies(ctx, "app").items).toEqual(["efs"]);
  });

  it("answers NoSuchEntity for a missing inline policy or role", () => {
    const ctx = setup();
    const e = failure(() => getRolePolicy(ctx, "app", "nope"));
    expect([e.code, e.httpStatus, e.message]).toEqual([
      "NoSuchEntity",
      404,
      "The role policy with name nope cannot be found.",
    ]);
    expect(failure(() => deleteRolePolicy(ctx, "app", "nope")).code).toBe("NoSuchEntity");
    expect(failure(() => putRolePolicy(ctx, "ghost", "p", allow("s3:*"))).message).toBe(
      "The role with name ghost cannot be found.",
    );
  });

  it("refuses a permissions policy with a Principal as MalformedPolicyDocument", () => {
    const text = JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:*", Resource: "*" }],
    });
    const e = failure(() => putRolePolicy(setup(), "app", "p", text));
    expect([e.code, e.httpStatus]).toEqual(["MalformedPolicyDocument", 400]);
    expect(e.message).toMatch(/^policy is not valid at 1:\d+: /);
  });

  it("refuses inline policies over 10,240 characters in all with LimitExceeded", () => {
    const ctx = setup();
    const big = (n: number) =>
      JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Action: Array.from({ length: n }, (_, i) => `s3:GetObject${i}`),
            Resource: "*",
          },
        ],
      });
    putRolePolicy(ctx, "app", "one", big(300));
    const e = failure(() => putRolePolicy(ctx, "app", "two", big(300)));
    expect([e.code, e.httpStatus]).toEqual(["LimitExceeded", 409]);
    expect(e.message).toBe("Maximum policy size of 10240 bytes exceeded for role app");
  });
});

describe("attached managed policies", () => {
  it("attaches AWS and customer managed policies, lists and detaches them", () => {
    const ctx = setup();
    const mine = createPolicy(ctx, { policyName: "mine", policyDocument: allow("s3:*") });
    attachRolePolicy(ctx, "app", BASIC);
    attachRolePolicy(ctx, "app", mine.arn);
    attachRolePolicy(ctx, "app", BASIC);
    expect(listAttachedRolePolicies(ctx, "app").items).toEqual([
      { policyArn: BASIC, policyName: "AWSLambdaBasicExecutionRole" },
      { policyArn: mine.arn, policyName: "mine" },
    ]);
    const page = listAttachedRolePolicies(ctx, "app", { maxItems: 1 });
    expect(page.isTruncated).toBe(true);
    const next = listAttachedRolePolicies(ctx, "app", {
      maxItems: 1,
      ...(page.marker ? { marker: page.marker } : {}),
    });
    expect(next.items.map((p) => p.policyName)).toEqual(["mine"]);
    detachRolePolicy(ctx, "app", BASIC);
    expect(listAttachedRolePolicies(ctx, "app").items.map((p) => p.policyArn)).toEqual([mine.arn]);
  });

  it("refuses an unknown policy, a detach of what is not attached, and an 11th policy", () => {
    const ctx = setup();
    const missing = "arn:aws:iam::000000000000:policy/none";
    const e = failure(() => attachRolePolicy(ctx, "app", missing));
    expect([e.code, e.message]).toEqual([
      "NoSuchEntity",
      `Policy ${missing} does not exist or is not attachable.`,
    ]);
    const d = failure(() => detachRolePolicy(ctx, "app", BASIC));
    expect([d.code, d.message]).toEqual(["NoSuchEntity", `Policy ${BASIC} was not found.`]);
    for (let i = 0; i < 10; i++) {
      const p = createPolicy(ctx, { policyName: `p${i}`, policyDocument: allow("s3:*") });
      attachRolePolicy(ctx, "app", p.arn);
    }
    const limit = failure(() => attachRolePolicy(ctx, "app", BASIC));
    expect([limit.code, limit.httpStatus, limit.message]).toEqual([
      "LimitExceeded",
      409,
      "Cannot exceed quota for PoliciesPerRole: 10",
    ]);
  });
});

describe("DeleteRole with policies", () => {
  it("refuses with DeleteConflict while inline or attached policies remain", () => {
    const ctx = setup();
    putRolePolicy(ctx, "app", "p", allow("s3:*"));
    attachRolePolicy(ctx, "app", BASIC);
    const inline = failure(() => deleteRole(ctx, "app"));
    expect([inline.code, inline.httpStatus, inline.message]).toEqual([
      "DeleteConflict",
      409,
      "Cannot delete entity, must delete policies first.",
    ]);
    deleteRolePolicy(ctx, "app", "p");
    expect(failure(() => deleteRole(ctx, "app")).message).toBe(
      "Cannot delete entity, must detach all policies first.",
    );
    detachRolePolicy(ctx, "app", BASIC);
    deleteRole(ctx, "app");
  });
});
