/**
 * Every IAM call by a non-root caller is decided by the policy engine:
 * a user without a policy is refused with AWS's AccessDenied message, the
 * same call is allowed once an inline policy grants it, an explicit deny
 * names its policy type, and a role session is held to its role's
 * policies. The SDK surfaces the refusal as `IAMServiceException` named
 * `AccessDenied` with status 403.
 */
import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteRoleCommand,
  GetRoleCommand,
  IAMServiceException,
  ListRolesCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from "@aws-sdk/client-iam";
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestCredentials, type TestServer, trustPolicy } from "./harness.js";

let server: TestServer;
let bob: TestCredentials;
const BOB = "arn:aws:iam::000000000000:user/bob";
const TRUST = trustPolicy({ Service: "lambda.amazonaws.com" });

beforeAll(async () => {
  server = await startTestServer();
  const iam = server.iam();
  await iam.send(new CreateUserCommand({ UserName: "bob" }));
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: "bob" }));
  bob = {
    accessKeyId: AccessKey?.AccessKeyId ?? "",
    secretAccessKey: AccessKey?.SecretAccessKey ?? "",
  };
});
afterAll(() => server.close());

async function denied(promise: Promise<unknown>): Promise<IAMServiceException> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IAMServiceException);
  const refusal = error as IAMServiceException;
  expect(refusal.name).toBe("AccessDenied");
  expect(refusal.$metadata.httpStatusCode).toBe(403);
  return refusal;
}

const policy = (...statements: object[]) =>
  JSON.stringify({ Version: "2012-10-17", Statement: statements });

describe("serve: authorization of IAM calls", () => {
  it("refuses a user without a policy, then allows the call once a policy grants it", async () => {
    const create = () =>
      server
        .iam(bob)
        .send(new CreateRoleCommand({ RoleName: "bobs", AssumeRolePolicyDocument: TRUST }));
    const refusal = await denied(create());
    expect(refusal.message).toBe(
      `User: ${BOB} is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::000000000000:role/bobs because no identity-based policy allows the iam:CreateRole action`,
    );
    await server.iam().send(
      new PutUserPolicyCommand({
        UserName: "bob",
        PolicyName: "roles",
        PolicyDocument: policy(
          {
            Effect: "Allow",
            Action: ["iam:CreateRole", "iam:GetRole", "iam:DeleteRole"],
            Resource: "*",
          },
          {
            Effect: "Deny",
            Action: "iam:DeleteRole",
            Resource: "arn:aws:iam::000000000000:role/bobs",
          },
        ),
      }),
    );
    const created = await create();
    expect(created.Role?.RoleName).toBe("bobs");
    const explicit = await denied(
      server.iam(bob).send(new DeleteRoleCommand({ RoleName: "bobs" })),
    );
    expect(explicit.message).toBe(
      `User: ${BOB} is not authorized to perform: iam:DeleteRole on resource: arn:aws:iam::000000000000:role/bobs with an explicit deny in an identity-based policy`,
    );
    await denied(server.iam(bob).send(new ListRolesCommand({})));
  });

  it("holds a role session to its role's policies", async () => {
    const iam = server.iam();
    await iam.send(
      new CreateRoleCommand({
        RoleName: "reader",
        AssumeRolePolicyDocument: trustPolicy({ AWS: BOB }),
      }),
    );
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: "reader",
        PolicyName: "get",
        PolicyDocument: policy({ Effect: "Allow", Action: "iam:GetRole", Resource: "*" }),
      }),
    );
    const { Credentials } = await server.sts(bob).send(
      new AssumeRoleCommand({
        RoleArn: "arn:aws:iam::000000000000:role/reader",
        RoleSessionName: "r1",
      }),
    );
    const session = server.iam({
      accessKeyId: Credentials?.AccessKeyId ?? "",
      secretAccessKey: Credentials?.SecretAccessKey ?? "",
      sessionToken: Credentials?.SessionToken ?? "",
    });
    const got = await session.send(new GetRoleCommand({ RoleName: "reader" }));
    expect(got.Role?.RoleName).toBe("reader");
    const refusal = await denied(session.send(new ListRolesCommand({})));
    expect(refusal.message).toBe(
      "User: arn:aws:sts::000000000000:assumed-role/reader/r1 is not authorized to perform: iam:ListRoles on resource: * because no identity-based policy allows the iam:ListRoles action",
    );
  });
});
