/**
 * IAM through the server with the real `@aws-sdk/client-iam`: a role's
 * life (create, get, list with the SDK paginator, inline policy put/get/
 * delete, delete), managed policies, and errors surfacing as the SDK's own
 * exception classes.
 */
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  DeleteConflictException,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  EntityAlreadyExistsException,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  MalformedPolicyDocumentException,
  NoSuchEntityException,
  PutRolePolicyCommand,
  paginateListRoles,
} from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer, trustPolicy } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const TRUST = trustPolicy({ Service: "lambda.amazonaws.com" });
const READ_SECRETS = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: "*" }],
});

async function thrown(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe("serve: IAM roles", () => {
  it("creates, reads, lists, changes and deletes a role", async () => {
    const iam = server.iam();
    const created = await iam.send(
      new CreateRoleCommand({
        RoleName: "worker",
        Path: "/app/",
        AssumeRolePolicyDocument: TRUST,
        Description: "runs jobs",
        MaxSessionDuration: 7200,
        Tags: [{ Key: "team", Value: "a" }],
      }),
    );
    expect(created.Role).toMatchObject({
      RoleName: "worker",
      Path: "/app/",
      Arn: "arn:aws:iam::000000000000:role/app/worker",
      Description: "runs jobs",
      MaxSessionDuration: 7200,
      Tags: [{ Key: "team", Value: "a" }],
    });
    expect(created.Role?.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(created.Role?.CreateDate).toBeInstanceOf(Date);

    const got = await iam.send(new GetRoleCommand({ RoleName: "worker" }));
    expect(got.Role?.RoleId).toBe(created.Role?.RoleId);
    expect(decodeURIComponent(got.Role?.AssumeRolePolicyDocument ?? "")).toBe(TRUST);

    await iam.send(
      new PutRolePolicyCommand({
        RoleName: "worker",
        PolicyName: "read-secrets",
        PolicyDocument: READ_SECRETS,
      }),
    );
    const inline = await iam.send(
      new GetRolePolicyCommand({ RoleName: "worker", PolicyName: "read-secrets" }),
    );
    expect(inline.RoleName).toBe("worker");
    expect(decodeURIComponent(inline.PolicyDocument ?? "")).toBe(READ_SECRETS);
    const names = await iam.send(new ListRolePoliciesCommand({ RoleName: "worker" }));
    expect(names.PolicyNames).toEqual(["read-secrets"]);
    expect(names.IsTruncated).toBe(false);

    const conflict = await thrown(iam.send(new DeleteRoleCommand({ RoleName: "worker" })));
    expect(conflict).toBeInstanceOf(DeleteConflictException);

    await iam.send(new DeleteRolePolicyCommand({ RoleName: "worker", PolicyName: "read-secrets" }));
    await iam.send(new DeleteRoleCommand({ RoleName: "worker" }));
    const gone = await thrown(iam.send(new GetRoleCommand({ RoleName: "worker" })));
    expect(gone).toBeInstanceOf(NoSuchEntityException);
    expect((gone as Error).message).toBe("The role with name worker cannot be found.");
    expect((gone as NoSuchEntityException).$metadata.httpStatusCode).toBe(404);
  });

  it("lists every role across pages with the SDK paginator", async () => {
    const iam = server.iam();
    const wanted = ["r-a", "r-b", "r-c", "r-d", "r-e"];
    for (const name of wanted) {
      await iam.send(
        new CreateRoleCommand({ RoleName: name, Path: "/paged/", AssumeRolePolicyDocument: TRUST }),
      );
    }
    const seen: string[] = [];
    let pages = 0;
    for await (const page of paginateListRoles(
      { client: iam, pageSize: 2 },
      { PathPrefix: "/paged/" },
    )) {
      pages += 1;
      seen.push(...(page.Roles ?? []).map((r) => r.RoleName ?? ""));
    }
    expect(seen).toEqual(wanted);
    expect(pages).toBe(3);
  });

  it("surfaces IAM errors as the SDK's exception classes", async () => {
    const iam = server.iam();
    await iam.send(new CreateRoleCommand({ RoleName: "twice", AssumeRolePolicyDocument: TRUST }));
    const again = await thrown(
      iam.send(new CreateRoleCommand({ RoleName: "twice", AssumeRolePolicyDocument: TRUST })),
    );
    expect(again).toBeInstanceOf(EntityAlreadyExistsException);

    const malformed = await thrown(
      iam.send(
        new PutRolePolicyCommand({ RoleName: "twice", PolicyName: "p", PolicyDocument: "{" }),
      ),
    );
    expect(malformed).toBeInstanceOf(MalformedPolicyDocumentException);

    const missing = await thrown(
      iam.send(
        new PutRolePolicyCommand({
          RoleName: "nobody",
          PolicyName: "p",
          PolicyDocument: READ_SECRETS,
        }),
      ),
    );
    expect(missing).toBeInstanceOf(NoSuchEntityException);
  });
});

describe("serve: IAM managed policies", () => {
  it("creates a policy, attaches it and the AWS managed ones, and reads them back", async () => {
    const iam = server.iam();
    await iam.send(new CreateRoleCommand({ RoleName: "fn", AssumeRolePolicyDocument: TRUST }));
    const { Policy } = await iam.send(
      new CreatePolicyCommand({ PolicyName: "secrets-read", PolicyDocument: READ_SECRETS }),
    );
    expect(Policy?.Arn).toBe("arn:aws:iam::000000000000:policy/secrets-read");
    const basic = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
    for (const PolicyArn of [Policy?.Arn ?? "", basic]) {
      await iam.send(new AttachRolePolicyCommand({ RoleName: "fn", PolicyArn }));
    }
    const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: "fn" }));
    expect(attached.AttachedPolicies?.map((p) => p.PolicyName)).toEqual([
      "secrets-read",
      "AWSLambdaBasicExecutionRole",
    ]);
    const got = await iam.send(new GetPolicyCommand({ PolicyArn: Policy?.Arn ?? "" }));
    expect(got.Policy?.AttachmentCount).toBe(1);
    const version = await iam.send(
      new GetPolicyVersionCommand({ PolicyArn: Policy?.Arn ?? "", VersionId: "v1" }),
    );
    expect(decodeURIComponent(version.PolicyVersion?.Document ?? "")).toBe(READ_SECRETS);
    expect(version.PolicyVersion?.IsDefaultVersion).toBe(true);
    await iam.send(new DetachRolePolicyCommand({ RoleName: "fn", PolicyArn: basic }));
    const notAttached = await thrown(
      iam.send(new DetachRolePolicyCommand({ RoleName: "fn", PolicyArn: basic })),
    );
    expect(notAttached).toBeInstanceOf(NoSuchEntityException);
  });
});
