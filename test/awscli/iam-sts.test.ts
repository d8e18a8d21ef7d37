/**
 * The Debian AWS CLI against accesslab for IAM and STS: a role with its
 * policies, an IAM user whose access key then assumes the role, and a call
 * made with the returned session credentials; errors come back as the CLI
 * prints AWS's (exit 254, `An error occurred (NoSuchEntity)`).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer, trustPolicy } from "../serve/harness.js";
import { type CliCredentials, findAwsCli, runAws } from "./aws-cli.js";

const cli = findAwsCli();
if ("missing" in cli) console.log(`skipping the AWS CLI suite: ${cli.missing}`);

describe.skipIf("missing" in cli)("aws cli: IAM and STS", () => {
  let server: TestServer;
  const aws = (args: string[], credentials?: CliCredentials) =>
    runAws("path" in cli ? cli.path : "aws", server.running.endpoint, args, credentials);

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it("answers get-caller-identity for the bootstrap root", async () => {
    const r = await aws(["sts", "get-caller-identity"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toMatchObject({
      Account: "000000000000",
      Arn: "arn:aws:iam::000000000000:root",
    });
  });

  it("creates a role a user can assume, and the session credentials work", async () => {
    const trust = trustPolicy({ AWS: "arn:aws:iam::000000000000:root" });
    const role = await aws([
      "iam",
      "create-role",
      "--role-name",
      "cli-app",
      "--assume-role-policy-document",
      trust,
    ]);
    expect(role.code, role.stderr).toBe(0);
    expect(role.json).toMatchObject({ Role: { Arn: "arn:aws:iam::000000000000:role/cli-app" } });
    const attach = await aws([
      "iam",
      "attach-role-policy",
      "--role-name",
      "cli-app",
      "--policy-arn",
      "arn:aws:iam::aws:policy/AmazonElasticFileSystemClientReadWriteAccess",
    ]);
    expect(attach.code, attach.stderr).toBe(0);
    const listed = await aws(["iam", "list-attached-role-policies", "--role-name", "cli-app"]);
    expect(listed.json).toMatchObject({
      AttachedPolicies: [{ PolicyName: "AmazonElasticFileSystemClientReadWriteAccess" }],
    });

    expect((await aws(["iam", "create-user", "--user-name", "cli-dev"])).code).toBe(0);
    const allowAssume = JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }],
    });
    const put = await aws([
      "iam",
      "put-user-policy",
      "--user-name",
      "cli-dev",
      "--policy-name",
      "assume",
      "--policy-document",
      allowAssume,
    ]);
    expect(put.code, put.stderr).toBe(0);
    const key = await aws(["iam", "create-access-key", "--user-name", "cli-dev"]);
    const accessKey = (key.json as { AccessKey: { AccessKeyId: string; SecretAccessKey: string } })
      .AccessKey;
    const dev = { accessKeyId: accessKey.AccessKeyId, secretAccessKey: accessKey.SecretAccessKey };

    const assumed = await aws(
      [
        "sts",
        "assume-role",
        "--role-arn",
        "arn:aws:iam::000000000000:role/cli-app",
        "--role-session-name",
        "cli",
      ],
      dev,
    );
    expect(assumed.code, assumed.stderr).toBe(0);
    const credentials = (
      assumed.json as {
        Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string };
      }
    ).Credentials;
    const who = await aws(["sts", "get-caller-identity"], {
      accessKeyId: credentials.AccessKeyId,
      secretAccessKey: credentials.SecretAccessKey,
      sessionToken: credentials.SessionToken,
    });
    expect(who.code, who.stderr).toBe(0);
    expect(who.json).toMatchObject({
      Arn: "arn:aws:sts::000000000000:assumed-role/cli-app/cli",
    });

    const refused = await aws(["iam", "list-roles"], dev);
    expect(refused.code).toBe(254);
    expect(refused.stderr).toContain("An error occurred (AccessDenied) when calling the ListRoles");
    expect(refused.stderr).toContain("is not authorized to perform: iam:ListRoles");
  });

  it("prints AWS's error for a missing role and a root AssumeRole", async () => {
    const missing = await aws(["iam", "get-role", "--role-name", "nope"]);
    expect(missing.code).toBe(254);
    expect(missing.stderr).toContain("An error occurred (NoSuchEntity) when calling the GetRole");
    const root = await aws([
      "sts",
      "assume-role",
      "--role-arn",
      "arn:aws:iam::000000000000:role/cli-app",
      "--role-session-name",
      "root",
    ]);
    expect(root.code).toBe(254);
    expect(root.stderr).toContain("(AccessDenied)");
  });
});
