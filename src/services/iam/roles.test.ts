import { describe, expect, it } from "vitest";
import { thrown } from "../thrown.test-support.js";
import { iamTestContext } from "./context.test-support.js";
import { IamError } from "./errors.js";
import {
  createRole,
  deleteRole,
  getRole,
  listRoles,
  putRolePermissionsBoundary,
  updateAssumeRolePolicy,
} from "./roles.js";

const LAMBDA_TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" },
  ],
});

const setup = iamTestContext;

const failure = (work: () => unknown) => thrown(IamError, work);

describe("CreateRole and GetRole", () => {
  it("creates a role with an AROA id, its ARN with path, and defaults", () => {
    const ctx = setup();
    const role = createRole(ctx, {
      roleName: "app",
      path: "/service-role/",
      assumeRolePolicyDocument: LAMBDA_TRUST,
      tags: [{ key: "team", value: "a" }],
    });
    expect(role.roleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(role.arn).toBe("arn:aws:iam::000000000000:role/service-role/app");
    expect(role.maxSessionDuration).toBe(3600);
    expect(role.createDate).toBe(1_700_000_000_000);
    expect(getRole(ctx, "app")).toEqual(role);
    expect(getRole(ctx, "APP").roleName).toBe("app");
  });

  it("refuses a second role of the same name, in any case, with EntityAlreadyExists 409", () => {
    const ctx = setup();
    createRole(ctx, { roleName: "app", assumeRolePolicyDocument: LAMBDA_TRUST });
    const e = failure(() =>
      createRole(ctx, { roleName: "App", assumeRolePolicyDocument: LAMBDA_TRUST }),
    );
    expect([e.code, e.httpStatus, e.senderFault]).toEqual(["EntityAlreadyExists", 409, true]);
    expect(e.message).toBe("Role with name App already exists.");
  });

  it("answers NoSuchEntity 404 for an unknown role", () => {
    const e = failure(() => getRole(setup(), "ghost"));
    expect([e.code, e.httpStatus]).toEqual(["NoSuchEntity", 404]);
    expect(e.message).toBe("The role with name ghost cannot be found.");
  });

  it("checks names, paths and MaxSessionDuration with ValidationError", () => {
    const ctx = setup();
    const bad = [
      () => createRole(ctx, { roleName: "my role", assumeRolePolicyDocument: LAMBDA_TRUST }),
      () => createRole(ctx, { roleName: "x".repeat(65), assumeRolePolicyDocument: LAMBDA_TRUST }),
      () =>
        createRole(ctx, { roleName: "a", path: "nopath", assumeRolePolicyDocument: LAMBDA_TRUST }),
      () =>
        createRole(ctx, {
          roleName: "a",
          maxSessionDuration: 60,
          assumeRolePolicyDocument: LAMBDA_TRUST,
        }),
    ];
    for (const work of bad) expect(failure(work).code).toBe("ValidationError");
    expect(failure(bad[0] ?? (() => 0)).message).toBe(
      "1 validation error detected: Value 'my role' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
    );
  });

  it("refuses a trust policy with a Resource, citing the validator's finding and position", () => {
    const trust =
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow",\n"Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole","Resource":"*"}]}';
    const e = failure(() =>
      createRole(setup(), { roleName: "a", assumeRolePolicyDocument: trust }),
    );
    expect([e.code, e.httpStatus]).toEqual(["MalformedPolicyDocument", 400]);
    expect(e.message).toMatch(/^policy is not valid at 2:\d+: .*Resource/);
  });

  it("refuses unparseable JSON as MalformedPolicyDocument with line and column", () => {
    const e = failure(() => createRole(setup(), { roleName: "a", assumeRolePolicyDocument: "{" }));
    expect(e.code).toBe("MalformedPolicyDocument");
    expect(e.message).toMatch(/^policy is not valid at 1:\d+: json syntax/);
  });

  it("refuses a trust policy over 2,048 non-white-space characters with LimitExceeded", () => {
    const services = Array.from({ length: 120 }, (_, i) => `svc${i}.amazonaws.com`);
    const trust = JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: services }, Action: "sts:AssumeRole" }],
    });
    const e = failure(() =>
      createRole(setup(), { roleName: "a", assumeRolePolicyDocument: trust }),
    );
    expect([e.code, e.httpStatus]).toEqual(["LimitExceeded", 409]);
    expect(e.message).toBe("Cannot exceed quota for ACLSizePerRole: 2048");
  });
});

describe("ListRoles", () => {
  it("pages with MaxItems and Marker, in name order, and filters by path prefix", () => {
    const ctx = setup();
    for (const name of ["delta", "Alpha", "charlie", "bravo", "echo"]) {
      createRole(ctx, {
        roleName: name,
        assumeRolePolicyDocument: LAMBDA_TRUST,
        ...(name === "echo" ? { path: "/svc/" } : {}),
      });
    }
    const first = listRoles(ctx, { maxItems: 2 });
    expect(first.items.map((r) => r.roleName)).toEqual(["Alpha", "bravo"]);
    expect(first.isTruncated).toBe(true);
    const second = listRoles(ctx, {
      maxItems: 2,
      ...(first.marker ? { marker: first.marker } : {}),
    });
    expect(second.items.map((r) => r.roleName)).toEqual(["charlie", "delta"]);
    const third = listRoles(ctx, {
      maxItems: 2,
      ...(second.marker ? { marker: second.marker } : {}),
    });
    expect(third.items.map((r) => r.roleName)).toEqual(["echo"]);
    expect(third.isTruncated).toBe(false);
    expect(third.marker).toBeUndefined();
    expect(listRoles(ctx, { pathPrefix: "/svc/" }).items.map((r) => r.roleName)).toEqual(["echo"]);
    expect(listRoles(ctx).items).toHaveLength(5);
  });

  it("refuses MaxItems outside 1..1000", () => {
    const e = failure(() => listRoles(setup(), { maxItems: 0 }));
    expect(e.code).toBe("ValidationError");
    expect(e.message).toContain("Member must have value greater than or equal to 1");
  });
});

describe("UpdateAssumeRolePolicy, PutRolePermissionsBoundary and DeleteRole", () => {
  it("replaces the trust policy after validating it", () => {
    const ctx = setup();
    createRole(ctx, { roleName: "app", assumeRolePolicyDocument: LAMBDA_TRUST });
    const ecs = LAMBDA_TRUST.replace("lambda.amazonaws.com", "ecs-tasks.amazonaws.com");
    expect(updateAssumeRolePolicy(ctx, "app", ecs).assumeRolePolicyDocument).toBe(ecs);
    const bad = failure(() => updateAssumeRolePolicy(ctx, "app", "[]"));
    expect(bad.code).toBe("MalformedPolicyDocument");
    expect(failure(() => updateAssumeRolePolicy(ctx, "ghost", ecs)).code).toBe("NoSuchEntity");
  });

  it("sets a boundary only to an existing managed policy", () => {
    const ctx = setup();
    createRole(ctx, { roleName: "app", assumeRolePolicyDocument: LAMBDA_TRUST });
    const arn = "arn:aws:iam::aws:policy/AmazonElasticFileSystemClientReadWriteAccess";
    expect(putRolePermissionsBoundary(ctx, "app", arn).permissionsBoundaryArn).toBe(arn);
    const missing = "arn:aws:iam::000000000000:policy/none";
    const e = failure(() => putRolePermissionsBoundary(ctx, "app", missing));
    expect(e.code).toBe("NoSuchEntity");
    expect(e.message).toBe(`Policy ${missing} does not exist or is not attachable.`);
  });

  it("deletes a role without policies", () => {
    const ctx = setup();
    createRole(ctx, { roleName: "app", assumeRolePolicyDocument: LAMBDA_TRUST });
    deleteRole(ctx, "app");
    expect(failure(() => getRole(ctx, "app")).code).toBe("NoSuchEntity");
    expect(failure(() => deleteRole(ctx, "app")).code).toBe("NoSuchEntity");
  });
});
