import { describe, expect, it } from "vitest";
import { thrown } from "../thrown.test-support.js";
import { iamTestContext } from "./context.test-support.js";
import { IamError } from "./errors.js";
import { attachRolePolicy, putRolePolicy } from "./role-policies.js";
import { createRole, putRolePermissionsBoundary } from "./roles.js";
import { simulateCustomPolicy, simulatePrincipalPolicy } from "./simulate.js";

const policy = (...statements: object[]) =>
  JSON.stringify({ Version: "2012-10-17", Statement: statements });
const ALLOW_ALL_S3 = policy({ Effect: "Allow", Action: "s3:*", Resource: "*" });
const TRUST = policy({
  Effect: "Allow",
  Principal: { Service: "lambda.amazonaws.com" },
  Action: "sts:AssumeRole",
});
const failure = (work: () => unknown) => thrown(IamError, work);

describe("simulateCustomPolicy", () => {
  it("gives one result per action on `*` without resource ARNs", () => {
    const page = simulateCustomPolicy(iamTestContext(), {
      policyInputList: [ALLOW_ALL_S3],
      actionNames: ["s3:GetObject", "sqs:SendMessage"],
    });
    expect(page.items.map((r) => [r.evalActionName, r.evalResourceName, r.decision])).toEqual([
      ["s3:GetObject", "*", "allowed"],
      ["sqs:SendMessage", "*", "implicitDeny"],
    ]);
    expect(page.items[0]?.resourceSpecificResults).toBeUndefined();
    expect(page.items[0]?.allowedByPermissionsBoundary).toBeUndefined();
  });

  it("says whether the boundary alone allows, and a boundary deny wins", () => {
    const ctx = iamTestContext();
    const boundary = policy(
      { Effect: "Allow", Action: "s3:*", Resource: "*" },
      { Effect: "Deny", Action: "s3:DeleteObject", Resource: "*" },
    );
    const page = simulateCustomPolicy(ctx, {
      policyInputList: [ALLOW_ALL_S3],
      permissionsBoundaryPolicyInputList: [boundary],
      actionNames: ["s3:GetObject", "s3:DeleteObject"],
    });
    expect(page.items.map((r) => [r.decision, r.allowedByPermissionsBoundary])).toEqual([
      ["allowed", true],
      ["explicitDeny", false],
    ]);
    expect(page.items[1]?.matchedStatements[0]).toMatchObject({
      sourcePolicyId: "PermissionsBoundaryPolicyInputList.1",
      startPosition: { line: 1, column: 88 },
    });
  });

  it("takes list-typed context entries as lists", () => {
    const tagged = policy({
      Effect: "Allow",
      Action: "s3:PutObject",
      Resource: "*",
      Condition: { "ForAllValues:StringEquals": { "aws:TagKeys": ["team", "env"] } },
    });
    const decide = (keys: string[]) =>
      simulateCustomPolicy(iamTestContext(), {
        policyInputList: [tagged],
        actionNames: ["s3:PutObject"],
        contextEntries: [
          { contextKeyName: "aws:TagKeys", contextKeyValues: keys, contextKeyType: "stringList" },
        ],
      }).items[0]?.decision;
    expect(decide(["team"])).toBe("allowed");
    expect(decide(["team", "owner"])).toBe("implicitDeny");
  });

  it("pages with MaxItems and Marker", () => {
    const input = {
      policyInputList: [ALLOW_ALL_S3],
      actionNames: ["s3:A", "s3:B", "s3:C"],
      maxItems: 2,
    };
    const first = simulateCustomPolicy(iamTestContext(), input);
    expect(first.isTruncated).toBe(true);
    const rest = simulateCustomPolicy(iamTestContext(), {
      ...input,
      ...(first.marker !== undefined ? { marker: first.marker } : {}),
    });
    expect(rest.items.map((r) => r.evalActionName)).toEqual(["s3:C"]);
    expect(rest.isTruncated).toBe(false);
  });

  it("refuses bad input with AWS's codes", () => {
    const ctx = iamTestContext();
    const base = { policyInputList: [ALLOW_ALL_S3], actionNames: ["s3:GetObject"] };
    expect(failure(() => simulateCustomPolicy(ctx, { ...base, policyInputList: [] })).code).toBe(
      "ValidationError",
    );
    expect(failure(() => simulateCustomPolicy(ctx, { ...base, actionNames: [] })).code).toBe(
      "ValidationError",
    );
    const malformed = failure(() =>
      simulateCustomPolicy(ctx, { ...base, policyInputList: ['{"Statement":'] }),
    );
    expect(malformed.code).toBe("MalformedPolicyDocument");
    expect(malformed.httpStatus).toBe(400);
    const badType = failure(() =>
      simulateCustomPolicy(ctx, {
        ...base,
        contextEntries: [{ contextKeyName: "k", contextKeyValues: ["v"], contextKeyType: "text" }],
      }),
    );
    expect(badType.message).toContain("'contextEntries.1.member.contextKeyType'");
    expect(
      failure(() =>
        simulateCustomPolicy(ctx, {
          ...base,
          permissionsBoundaryPolicyInputList: [ALLOW_ALL_S3, ALLOW_ALL_S3],
        }),
      ).code,
    ).toBe("InvalidInput");
    expect(
      failure(() => simulateCustomPolicy(ctx, { ...base, resourceOwner: "someone" })).code,
    ).toBe("InvalidInput");
  });
});

describe("simulatePrincipalPolicy", () => {
  it("evaluates a role's inline and AWS managed policies within its stored boundary", () => {
    const ctx = iamTestContext();
    const role = createRole(ctx, { roleName: "app", assumeRolePolicyDocument: TRUST });
    putRolePolicy(ctx, "app", "s3", ALLOW_ALL_S3);
    attachRolePolicy(ctx, "app", "arn:aws:iam::aws:policy/AdministratorAccess");
    putRolePermissionsBoundary(
      ctx,
      "app",
      "arn:aws:iam::aws:policy/AmazonElasticFileSystemClientReadWriteAccess",
    );
    const page = simulatePrincipalPolicy(ctx, {
      policySourceArn: role.arn,
      actionNames: ["s3:GetObject", "elasticfilesystem:ClientMount"],
    });
    expect(page.items.map((r) => [r.decision, r.allowedByPermissionsBoundary])).toEqual([
      ["implicitDeny", false],
      ["allowed", true],
    ]);
    const sources = page.items[1]?.matchedStatements.map((s) => [
      s.sourcePolicyId,
      s.sourcePolicyType,
    ]);
    expect(sources).toContainEqual(["AdministratorAccess", "aws-managed"]);
  });

  it("answers NoSuchEntity for a missing user and InvalidInput for a non-principal ARN", () => {
    const ctx = iamTestContext();
    const ask = (arn: string) => () =>
      simulatePrincipalPolicy(ctx, { policySourceArn: arn, actionNames: ["s3:GetObject"] });
    expect(failure(ask("arn:aws:iam::000000000000:user/ghost")).code).toBe("NoSuchEntity");
    expect(failure(ask("arn:aws:s3:::bucket")).code).toBe("InvalidInput");
  });
});
