/**
 * IAM's policy simulator through the server with the real
 * `@aws-sdk/client-iam`: SimulateCustomPolicy decisions (allow, explicit
 * deny, implicit deny, a permissions boundary, context entries, a resource
 * policy) with matched statements and positions, pagination with the SDK
 * paginator, SimulatePrincipalPolicy over a role's stored policies, and
 * malformed input surfacing as the SDK's own exception classes.
 */
import {
  CreateRoleCommand,
  MalformedPolicyDocumentException,
  NoSuchEntityException,
  PutRolePolicyCommand,
  paginateSimulateCustomPolicy,
  SimulateCustomPolicyCommand,
  SimulatePrincipalPolicyCommand,
} from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer, trustPolicy } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const policy = (...statements: object[]) =>
  JSON.stringify({ Version: "2012-10-17", Statement: statements });
const ALLOW_GET = policy({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" });
const DENY_BUCKET = policy({
  Effect: "Deny",
  Action: "s3:*",
  Resource: "arn:aws:s3:::secret-bucket/*",
});

describe("SimulateCustomPolicy", () => {
  it("allows, denies explicitly and denies implicitly, naming the deciding statements", async () => {
    const out = await server.iam().send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [ALLOW_GET, DENY_BUCKET],
        ActionNames: ["s3:GetObject", "s3:PutObject"],
        ResourceArns: ["arn:aws:s3:::open-bucket/a", "arn:aws:s3:::secret-bucket/a"],
      }),
    );
    const decisions = out.EvaluationResults?.map((r) => [
      r.EvalActionName,
      r.EvalResourceName,
      r.EvalDecision,
    ]);
    expect(decisions).toEqual([
      ["s3:GetObject", "arn:aws:s3:::open-bucket/a", "allowed"],
      ["s3:GetObject", "arn:aws:s3:::secret-bucket/a", "explicitDeny"],
      ["s3:PutObject", "arn:aws:s3:::open-bucket/a", "implicitDeny"],
      ["s3:PutObject", "arn:aws:s3:::secret-bucket/a", "explicitDeny"],
    ]);
    const [allowed, denied] = out.EvaluationResults ?? [];
    expect(allowed?.MatchedStatements).toEqual([
      {
        SourcePolicyId: "PolicyInputList.1",
        SourcePolicyType: "IAM Policy",
        StartPosition: { Line: 1, Column: 38 },
        EndPosition: { Line: 1, Column: 95 },
      },
    ]);
    expect(denied?.MatchedStatements?.[0]?.SourcePolicyId).toBe("PolicyInputList.2");
    expect(allowed?.ResourceSpecificResults).toEqual([
      expect.objectContaining({
        EvalResourceName: "arn:aws:s3:::open-bucket/a",
        EvalResourceDecision: "allowed",
      }),
    ]);
    expect(out.IsTruncated).toBe(false);
  });

  it("reports the permissions boundary's own verdict", async () => {
    const out = await server.iam().send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [ALLOW_GET],
        PermissionsBoundaryPolicyInputList: [
          policy({ Effect: "Allow", Action: "s3:ListBucket", Resource: "*" }),
        ],
        ActionNames: ["s3:GetObject"],
      }),
    );
    const [result] = out.EvaluationResults ?? [];
    expect(result?.EvalDecision).toBe("implicitDeny");
    expect(result?.PermissionsBoundaryDecisionDetail).toEqual({
      AllowedByPermissionsBoundary: false,
    });
  });

  it("uses context entries and lists the keys it missed", async () => {
    const fromVpc = policy({
      Effect: "Allow",
      Action: "s3:GetObject",
      Resource: "*",
      Condition: { StringEquals: { "aws:SourceVpc": "vpc-1" } },
    });
    const ask = (entries: { ContextKeyName: string; ContextKeyValues: string[] }[]) =>
      server.iam().send(
        new SimulateCustomPolicyCommand({
          PolicyInputList: [fromVpc],
          ActionNames: ["s3:GetObject"],
          ContextEntries: entries.map((e) => ({ ...e, ContextKeyType: "string" })),
        }),
      );
    const without = (await ask([])).EvaluationResults?.[0];
    expect(without?.EvalDecision).toBe("implicitDeny");
    expect(without?.MissingContextValues).toEqual(["aws:SourceVpc"]);
    const within = (await ask([{ ContextKeyName: "aws:SourceVpc", ContextKeyValues: ["vpc-1"] }]))
      .EvaluationResults?.[0];
    expect(within?.EvalDecision).toBe("allowed");
  });

  it("evaluates a resource policy and details each side's decision", async () => {
    const caller = "arn:aws:iam::000000000000:user/alice";
    const out = await server.iam().send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [policy({ Effect: "Allow", Action: "sqs:ListQueues", Resource: "*" })],
        ResourcePolicy: policy({
          Effect: "Allow",
          Principal: { AWS: caller },
          Action: "s3:GetObject",
          Resource: "arn:aws:s3:::b/*",
        }),
        CallerArn: caller,
        ActionNames: ["s3:GetObject"],
        ResourceArns: ["arn:aws:s3:::b/k"],
      }),
    );
    const [result] = out.EvaluationResults ?? [];
    expect(result?.EvalDecision).toBe("allowed");
    expect(result?.MatchedStatements?.[0]?.SourcePolicyId).toBe("ResourcePolicy");
    expect(result?.EvalDecisionDetails).toEqual({
      "IAM Policy": "implicitDeny",
      "Resource Policy": "allowed",
    });
  });

  it("pages with MaxItems and the SDK paginator", async () => {
    const input = {
      PolicyInputList: [ALLOW_GET],
      ActionNames: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
      MaxItems: 2,
    };
    const first = await server.iam().send(new SimulateCustomPolicyCommand(input));
    expect(first.EvaluationResults).toHaveLength(2);
    expect(first.IsTruncated).toBe(true);
    const names: string[] = [];
    for await (const page of paginateSimulateCustomPolicy({ client: server.iam() }, input)) {
      for (const r of page.EvaluationResults ?? []) names.push(r.EvalActionName ?? "");
    }
    expect(names).toEqual(["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]);
  });

  it("refuses a malformed policy with MalformedPolicyDocument and its position", async () => {
    const error = await server
      .iam()
      .send(
        new SimulateCustomPolicyCommand({
          PolicyInputList: ['{"Version":"2012-10-17","Statement":[{"Effect":"Allow"'],
          ActionNames: ["s3:GetObject"],
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedPolicyDocumentException);
    expect((error as Error).message).toMatch(/at 1:\d+/);
    expect((error as MalformedPolicyDocumentException).$metadata.httpStatusCode).toBe(400);
  });
});

describe("SimulatePrincipalPolicy", () => {
  it("evaluates a role's stored policies plus the given ones", async () => {
    const iam = server.iam();
    const role = await iam.send(
      new CreateRoleCommand({
        RoleName: "sim-app",
        AssumeRolePolicyDocument: trustPolicy({ Service: "lambda.amazonaws.com" }),
      }),
    );
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: "sim-app",
        PolicyName: "reads",
        PolicyDocument: ALLOW_GET,
      }),
    );
    const out = await iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: role.Role?.Arn,
        PolicyInputList: [DENY_BUCKET],
        ActionNames: ["s3:GetObject"],
        ResourceArns: ["arn:aws:s3:::open-bucket/a", "arn:aws:s3:::secret-bucket/a"],
      }),
    );
    expect(out.EvaluationResults?.map((r) => r.EvalDecision)).toEqual(["allowed", "explicitDeny"]);
    expect(out.EvaluationResults?.[0]?.MatchedStatements?.[0]).toMatchObject({
      SourcePolicyId: "reads",
      SourcePolicyType: "role",
    });
  });

  it("answers NoSuchEntity for a role that does not exist", async () => {
    const error = await server
      .iam()
      .send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: "arn:aws:iam::000000000000:role/ghost",
          ActionNames: ["s3:GetObject"],
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoSuchEntityException);
  });
});
