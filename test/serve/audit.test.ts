/**
 * The audit trail through the server with the real SDK clients: every
 * routed call leaves one CloudTrail-style record in the store's `audit`
 * stream, allowed calls with the caller's `userIdentity` and the decision
 * that allowed them, refused calls with AWS's error code and the engine's
 * reason, role sessions with their session context, failed signatures
 * as `Unknown` callers; secrets and policy
 * documents never reach the trail, and a store that cannot record never
 * fails a call.
 */

import { CreateFileSystemCommand, EFSClient } from "@aws-sdk/client-efs";
import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetUserCommand,
  PutUserPolicyCommand,
} from "@aws-sdk/client-iam";
import {
  CreateSecretCommand,
  GetSecretValueCommand,
  SecretsManagerClient,
} from "@aws-sdk/client-secrets-manager";
import { AssumeRoleCommand, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_STREAM, type AuditEvent } from "../../src/services/audit/event.js";
import { openStore } from "../../src/store/open.js";
import type { Store } from "../../src/store/port.js";
import { startTestServer, type TestServer, trustPolicy } from "./harness.js";

let server: TestServer;
let store: Store;
beforeAll(async () => {
  store = openStore({ kind: "memory" });
  server = await startTestServer({ store });
});
afterAll(() => server.close());

const records = () => {
  server.flushAudit();
  return store.events.read<AuditEvent>(AUDIT_STREAM).map((r) => r.event);
};
const last = () => records().at(-1);
const SECRET_POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Sid: "SelfOnly", Effect: "Allow", Action: "iam:GetUser", Resource: "*" }],
});

describe("audit trail", () => {
  let bob: { accessKeyId: string; secretAccessKey: string };

  beforeAll(async () => {
    const iam = server.iam();
    await iam.send(new CreateUserCommand({ UserName: "audited-bob" }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: "audited-bob",
        PolicyName: "only-sts",
        PolicyDocument: SECRET_POLICY,
      }),
    );
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: "audited-bob" }));
    bob = {
      accessKeyId: AccessKey?.AccessKeyId ?? "",
      secretAccessKey: AccessKey?.SecretAccessKey ?? "",
    };
  });

  it("records an allowed call with the root identity and its decision", async () => {
    await server.iam().send(
      new CreateRoleCommand({
        RoleName: "audited-app",
        AssumeRolePolicyDocument: trustPolicy({ Service: "lambda.amazonaws.com" }),
      }),
    );
    const event = last();
    expect(event).toMatchObject({
      eventVersion: "1.09",
      eventSource: "iam.amazonaws.com",
      eventName: "CreateRole",
      awsRegion: "us-east-1",
      sourceIPAddress: "127.0.0.1",
      eventType: "AwsApiCall",
      readOnly: false,
      recipientAccountId: "000000000000",
      userIdentity: {
        type: "Root",
        arn: "arn:aws:iam::000000000000:root",
        accountId: "000000000000",
        accessKeyId: "test",
      },
      resources: [{ ARN: "arn:aws:iam::000000000000:role/audited-app" }],
    });
    expect(event?.errorCode).toBeUndefined();
    expect(event?.userAgent).toMatch(/aws-sdk-js/);
    expect(Date.parse(event?.eventTime ?? "")).not.toBeNaN();
    expect(event?.serviceEventDetails?.decisions).toEqual([
      expect.objectContaining({ action: "iam:CreateRole", decision: "Allowed" }),
    ]);
  });

  it("records a refusal with the error code, the caller and the deny reason", async () => {
    const refusal = await server
      .iam(bob)
      .send(
        new CreateRoleCommand({
          RoleName: "bobs-role",
          AssumeRolePolicyDocument: trustPolicy({ Service: "lambda.amazonaws.com" }),
        }),
      )
      .then(
        () => undefined,
        (e: unknown) => e as Error,
      );
    expect(refusal?.name).toBe("AccessDenied");
    const event = last();
    expect(event).toMatchObject({
      eventName: "CreateRole",
      errorCode: "AccessDenied",
      userIdentity: {
        type: "IAMUser",
        arn: "arn:aws:iam::000000000000:user/audited-bob",
        userName: "audited-bob",
        accessKeyId: bob.accessKeyId,
      },
    });
    expect(event?.errorMessage).toContain("is not authorized to perform: iam:CreateRole");
    expect(event?.serviceEventDetails?.decisions).toEqual([
      expect.objectContaining({
        action: "iam:CreateRole",
        resource: "arn:aws:iam::000000000000:role/bobs-role",
        decision: "ImplicitlyDenied",
        deniedBy: "identity",
        reasons: [expect.any(String)],
      }),
    ]);
  });

  it("names the deciding statement of an allow", async () => {
    await server.iam(bob).send(new GetUserCommand({}));
    const event = last();
    expect(event).toMatchObject({ eventName: "GetUser", readOnly: true });
    expect(event?.userIdentity.principalId).toMatch(/^AIDA/);
    expect(event?.serviceEventDetails?.decisions).toEqual([
      expect.objectContaining({
        decision: "Allowed",
        deciding: [
          {
            policy: "inline policy only-sts",
            policyType: "identity",
            effect: "Allow",
            sid: "SelfOnly",
            line: 1,
            column: 38,
          },
        ],
      }),
    ]);
  });

  it("records a role session with its session context and no session secrets", async () => {
    const bobArn = "arn:aws:iam::000000000000:user/audited-bob";
    await server.iam().send(
      new CreateRoleCommand({
        RoleName: "audited-session-role",
        AssumeRolePolicyDocument: trustPolicy({ AWS: bobArn }),
      }),
    );
    const { Credentials } = await server.sts(bob).send(
      new AssumeRoleCommand({
        RoleArn: "arn:aws:iam::000000000000:role/audited-session-role",
        RoleSessionName: "audit-s1",
      }),
    );
    const session = {
      accessKeyId: Credentials?.AccessKeyId ?? "",
      secretAccessKey: Credentials?.SecretAccessKey ?? "",
      sessionToken: Credentials?.SessionToken ?? "",
    };
    await server.sts(session).send(new GetCallerIdentityCommand({}));
    expect(last()?.userIdentity).toMatchObject({
      type: "AssumedRole",
      arn: "arn:aws:sts::000000000000:assumed-role/audited-session-role/audit-s1",
      accountId: "000000000000",
      accessKeyId: session.accessKeyId,
      principalId: expect.stringMatching(/^AROA\w+:audit-s1$/),
      sessionContext: {
        sessionIssuer: {
          type: "Role",
          arn: "arn:aws:iam::000000000000:role/audited-session-role",
          userName: "audited-session-role",
          principalId: expect.stringMatching(/^AROA/),
        },
      },
    });
    const trail = JSON.stringify(records());
    expect(trail).not.toContain(session.secretAccessKey);
    expect(trail).not.toContain(session.sessionToken);
  });

  it("records a bad signature as an unknown caller", async () => {
    const forged = { accessKeyId: bob.accessKeyId, secretAccessKey: "not-the-secret" };
    await expect(server.sts(forged).send(new GetCallerIdentityCommand({}))).rejects.toThrow();
    const event = last();
    expect(event).toMatchObject({
      eventName: "GetCallerIdentity",
      errorCode: "SignatureDoesNotMatch",
      userIdentity: { type: "Unknown", accessKeyId: bob.accessKeyId },
    });
  });

  it("records other services under their own event source, never a secret's value", async () => {
    const secrets = new SecretsManagerClient(server.config());
    const created = await secrets.send(
      new CreateSecretCommand({ Name: "audited-db", SecretString: "hunter2-very-secret" }),
    );
    await secrets.send(new GetSecretValueCommand({ SecretId: "audited-db" }));
    expect(last()).toMatchObject({
      eventSource: "secretsmanager.amazonaws.com",
      eventName: "GetSecretValue",
      readOnly: true,
      resources: [{ ARN: created.ARN }],
    });
    const refused = await new SecretsManagerClient(server.config(bob))
      .send(new GetSecretValueCommand({ SecretId: "audited-db" }))
      .then(
        () => undefined,
        (e: unknown) => e as Error,
      );
    expect(refused?.name).toBe("AccessDeniedException");
    expect(last()).toMatchObject({
      eventName: "GetSecretValue",
      errorCode: "AccessDeniedException",
    });
    await new EFSClient(server.config()).send(new CreateFileSystemCommand({ CreationToken: "a" }));
    expect(last()).toMatchObject({
      eventSource: "elasticfilesystem.amazonaws.com",
      eventName: "CreateFileSystem",
    });
    expect(JSON.stringify(records())).not.toContain("hunter2-very-secret");
  });

  it("keeps no secret material and no policy documents", () => {
    const trail = JSON.stringify(records());
    expect(trail).not.toContain(bob.secretAccessKey);
    expect(trail).not.toContain("2012-10-17");
    expect(trail).not.toContain("AssumeRolePolicyDocument");
    expect(trail).not.toContain("lambda.amazonaws.com");
  });

  it("never fails a call when recording fails, and says so once", async () => {
    const broken = openStore({ kind: "memory" });
    const failing = await startTestServer({
      store: {
        ...broken,
        events: {
          ...broken.events,
          append: () => {
            throw new Error("disk full");
          },
        },
      },
    });
    try {
      const sts = failing.sts();
      const identity = await sts.send(new GetCallerIdentityCommand({}));
      failing.flushAudit();
      await sts.send(new GetCallerIdentityCommand({}));
      failing.flushAudit();
      expect(identity.Account).toBe("000000000000");
      const warnings = failing.logged.filter((l) => l.includes("cannot record the audit trail"));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain("disk full");
    } finally {
      await failing.close();
    }
  });
});
