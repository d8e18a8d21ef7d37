/**
 * STS through the server with the real `@aws-sdk/client-sts`: the
 * bootstrap root's identity, signature refusal, and AssumeRole as an IAM
 * user allowed or refused by the role's trust policy, with the session
 * credentials it returns used for the next call.
 */
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand } from "@aws-sdk/client-iam";
import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  STSServiceException,
} from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestCredentials, type TestServer, trustPolicy } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function refusal(promise: Promise<unknown>): Promise<STSServiceException> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(STSServiceException);
  return error as STSServiceException;
}

describe("serve: STS", () => {
  it("GetCallerIdentity answers the bootstrap root of 000000000000", async () => {
    const identity = await server.sts().send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({
      Account: "000000000000",
      Arn: "arn:aws:iam::000000000000:root",
      UserId: "000000000000",
    });
    expect(identity.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses a wrong secret with SignatureDoesNotMatch", async () => {
    const client = server.sts({ accessKeyId: "test", secretAccessKey: "wrong" });
    const error = await refusal(client.send(new GetCallerIdentityCommand({})));
    expect(error.name).toBe("SignatureDoesNotMatch");
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  it("refuses an unknown access key with InvalidClientTokenId", async () => {
    const client = server.sts({ accessKeyId: "AKIANOBODY0000000000", secretAccessKey: "x" });
    const error = await refusal(client.send(new GetCallerIdentityCommand({})));
    expect(error.name).toBe("InvalidClientTokenId");
  });

  describe("AssumeRole as an IAM user", () => {
    let alice: TestCredentials;
    const aliceArn = "arn:aws:iam::000000000000:user/alice";

    beforeAll(async () => {
      const iam = server.iam();
      await iam.send(new CreateUserCommand({ UserName: "alice" }));
      const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: "alice" }));
      alice = {
        accessKeyId: AccessKey?.AccessKeyId ?? "",
        secretAccessKey: AccessKey?.SecretAccessKey ?? "",
      };
      await iam.send(
        new CreateRoleCommand({
          RoleName: "app",
          AssumeRolePolicyDocument: trustPolicy({ AWS: aliceArn }),
        }),
      );
      await iam.send(
        new CreateRoleCommand({
          RoleName: "fn",
          AssumeRolePolicyDocument: trustPolicy({ Service: "lambda.amazonaws.com" }),
        }),
      );
    });

    it("the user's own key identifies the user", async () => {
      const identity = await server.sts(alice).send(new GetCallerIdentityCommand({}));
      expect(identity.Arn).toBe(aliceArn);
      expect(identity.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    });

    it("is allowed into a role whose trust policy names the user, and the session works", async () => {
      const answer = await server.sts(alice).send(
        new AssumeRoleCommand({
          RoleArn: "arn:aws:iam::000000000000:role/app",
          RoleSessionName: "s1",
          DurationSeconds: 900,
        }),
      );
      const credentials = answer.Credentials;
      expect(credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
      expect(credentials?.Expiration).toBeInstanceOf(Date);
      const minutes = ((credentials?.Expiration?.getTime() ?? 0) - Date.now()) / 60_000;
      expect(minutes).toBeGreaterThan(13);
      expect(minutes).toBeLessThanOrEqual(15);
      expect(answer.AssumedRoleUser?.Arn).toBe("arn:aws:sts::000000000000:assumed-role/app/s1");
      expect(answer.PackedPolicySize).toBe(0);

      const session = server.sts({
        accessKeyId: credentials?.AccessKeyId ?? "",
        secretAccessKey: credentials?.SecretAccessKey ?? "",
        sessionToken: credentials?.SessionToken ?? "",
      });
      const identity = await session.send(new GetCallerIdentityCommand({}));
      expect(identity.Arn).toBe("arn:aws:sts::000000000000:assumed-role/app/s1");
      expect(identity.UserId).toMatch(/^AROA[A-Z2-7]{17}:s1$/);

      const withoutToken = server.sts({
        accessKeyId: credentials?.AccessKeyId ?? "",
        secretAccessKey: credentials?.SecretAccessKey ?? "",
      });
      const error = await refusal(withoutToken.send(new GetCallerIdentityCommand({})));
      expect(error.name).toBe("InvalidClientTokenId");
    });

    it("is refused a role that trusts only lambda.amazonaws.com", async () => {
      const error = await refusal(
        server.sts(alice).send(
          new AssumeRoleCommand({
            RoleArn: "arn:aws:iam::000000000000:role/fn",
            RoleSessionName: "s2",
          }),
        ),
      );
      expect(error.name).toBe("AccessDenied");
      expect(error.$metadata.httpStatusCode).toBe(403);
      expect(error.message).toBe(
        `User: ${aliceArn} is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::000000000000:role/fn`,
      );
    });

    it("refuses the root user with AWS's message", async () => {
      const error = await refusal(
        server.sts().send(
          new AssumeRoleCommand({
            RoleArn: "arn:aws:iam::000000000000:role/app",
            RoleSessionName: "s3",
          }),
        ),
      );
      expect(error.name).toBe("AccessDenied");
      expect(error.message).toBe("Roles may not be assumed by root accounts.");
    });

    it("answers a missing parameter with ValidationError", async () => {
      const error = await refusal(
        server
          .sts(alice)
          .send(new AssumeRoleCommand({ RoleArn: "arn:aws:iam::000000000000:role/app" } as never)),
      );
      expect(error.name).toBe("ValidationError");
      expect(error.message).toContain("roleSessionName");
    });
  });
});

describe("serve: expired session credentials", () => {
  it("refuses them with ExpiredToken", async () => {
    let offset = 0;
    const timed = await startTestServer({ clock: () => Date.now() + offset });
    try {
      const iam = timed.iam();
      await iam.send(new CreateUserCommand({ UserName: "carol" }));
      const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: "carol" }));
      await iam.send(
        new CreateRoleCommand({
          RoleName: "short",
          AssumeRolePolicyDocument: trustPolicy({ AWS: "arn:aws:iam::000000000000:user/carol" }),
        }),
      );
      const carol = {
        accessKeyId: AccessKey?.AccessKeyId ?? "",
        secretAccessKey: AccessKey?.SecretAccessKey ?? "",
      };
      const { Credentials } = await timed.sts(carol).send(
        new AssumeRoleCommand({
          RoleArn: "arn:aws:iam::000000000000:role/short",
          RoleSessionName: "brief",
          DurationSeconds: 900,
        }),
      );
      const session = timed.sts({
        accessKeyId: Credentials?.AccessKeyId ?? "",
        secretAccessKey: Credentials?.SecretAccessKey ?? "",
        sessionToken: Credentials?.SessionToken ?? "",
      });
      offset = 14 * 60 * 1000;
      await session.send(new GetCallerIdentityCommand({}));
      offset = 16 * 60 * 1000;
      const error = await refusal(session.send(new GetCallerIdentityCommand({})));
      expect(error.name).toBe("ExpiredToken");
      expect(error.message).toBe("The security token included in the request is expired");
    } finally {
      await timed.close();
    }
  });
});
