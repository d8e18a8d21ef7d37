import { describe, expect, it } from "vitest";
import { thrown } from "../thrown.test-support.js";
import { iamTestContext } from "./context.test-support.js";
import { IamError } from "./errors.js";
import { createPolicy, deletePolicy, getPolicy, getPolicyVersion } from "./managed-policies.js";
import { attachRolePolicy, detachRolePolicy } from "./role-policies.js";
import { createRole, deleteRolePermissionsBoundary, putRolePermissionsBoundary } from "./roles.js";

const DOC = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "elasticfilesystem:Client*", Resource: "*" }],
});
const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" },
  ],
});

const setup = iamTestContext;

const failure = (work: () => unknown) => thrown(IamError, work);

describe("CreatePolicy, GetPolicy, GetPolicyVersion", () => {
  it("creates a policy with v1 as its default version", () => {
    const ctx = setup();
    const p = createPolicy(ctx, { policyName: "efs", policyDocument: DOC, path: "/team/" });
    expect(p.arn).toBe("arn:aws:iam::000000000000:policy/team/efs");
    expect(p.policyId).toMatch(/^ANPA[A-Z2-7]{17}$/);
    expect(p.defaultVersionId).toBe("v1");
    expect(getPolicy(ctx, p.arn)).toMatchObject({ policyName: "efs", attachmentCount: 0 });
    expect(getPolicyVersion(ctx, p.arn, "v1")).toEqual({
      versionId: "v1",
      document: DOC,
      isDefaultVersion: true,
      createDate: 1_700_000_000_000,
    });
  });

  it("refuses a duplicate name, a malformed document and an oversized one", () => {
    const ctx = setup();
    createPolicy(ctx, { policyName: "efs", policyDocument: DOC });
    const dup = failure(() => createPolicy(ctx, { policyName: "efs", policyDocument: DOC }));
    expect([dup.code, dup.httpStatus, dup.message]).toEqual([
      "EntityAlreadyExists",
      409,
      "A policy called efs already exists. Duplicate names are not allowed.",
    ]);
    const noResource = '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*"}}';
    const bad = failure(() => createPolicy(ctx, { policyName: "x", policyDocument: noResource }));
    expect(bad.code).toBe("MalformedPolicyDocument");
    expect(bad.message).toMatch(/^policy is not valid at 1:\d+: /);
    const huge = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: Array.from({ length: 400 }, (_, i) => `s3:GetObject${i}`),
          Resource: "*",
        },
      ],
    });
    const big = failure(() => createPolicy(ctx, { policyName: "y", policyDocument: huge }));
    expect([big.code, big.message]).toEqual([
      "LimitExceeded",
      "Cannot exceed quota for PolicySize: 6144",
    ]);
  });

  it("answers for AWS managed policies and NoSuchEntity for unknown ones", () => {
    const ctx = setup();
    const admin = getPolicy(ctx, "arn:aws:iam::aws:policy/AdministratorAccess");
    expect(admin.policyName).toBe("AdministratorAccess");
    const missing = "arn:aws:iam::000000000000:policy/none";
    const e = failure(() => getPolicy(ctx, missing));
    expect([e.code, e.httpStatus, e.message]).toEqual([
      "NoSuchEntity",
      404,
      `Policy ${missing} was not found.`,
    ]);
    const p = createPolicy(ctx, { policyName: "efs", policyDocument: DOC });
    expect(failure(() => getPolicyVersion(ctx, p.arn, "v2")).code).toBe("NoSuchEntity");
    expect(failure(() => getPolicyVersion(ctx, p.arn, "2")).code).toBe("ValidationError");
  });
});

describe("DeletePolicy", () => {
  it("refuses while attached or used as a boundary, then deletes", () => {
    const ctx = setup();
    const p = createPolicy(ctx, { policyName: "efs", policyDocument: DOC });
    createRole(ctx, { roleName: "app", assumeRolePolicyDocument: TRUST });
    createRole(ctx, { roleName: "other", assumeRolePolicyDocument: TRUST });
    attachRolePolicy(ctx, "app", p.arn);
    putRolePermissionsBoundary(ctx, "other", p.arn);
    expect(getPolicy(ctx, p.arn)).toMatchObject({
      attachmentCount: 1,
      permissionsBoundaryUsageCount: 1,
    });
    const e = failure(() => deletePolicy(ctx, p.arn));
    expect([e.code, e.httpStatus, e.message]).toEqual([
      "DeleteConflict",
      409,
      "Cannot delete a policy attached to entities.",
    ]);
    detachRolePolicy(ctx, "app", p.arn);
    expect(failure(() => deletePolicy(ctx, p.arn)).code).toBe("DeleteConflict");
    deleteRolePermissionsBoundary(ctx, "other");
    deletePolicy(ctx, p.arn);
    expect(failure(() => getPolicy(ctx, p.arn)).code).toBe("NoSuchEntity");
    expect(failure(() => deletePolicy(ctx, p.arn)).code).toBe("NoSuchEntity");
  });
});
