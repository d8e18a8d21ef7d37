/**
 * The Debian AWS CLI against accesslab for IAM and STS: a role with its
 * policies, an IAM user whose access key then assumes the role, and a call
 * made with the returned session credentials; errors come back as the CLI
 * prints AWS's (exit 254, `An error occurred (NoSuchEntity)`). The policy
 * simulator too: simulate-custom-policy (inline JSON, `file://` holding a
 * JSON list, context entries, the CLI's `--page-size` pagination) and
 * simulate-principal-policy over a role's stored policies.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer, trustPolicy } from "../serve/harness.js";
import { type CliCredentials, findAwsCli, runAws } from "./aws-cli.js";
import { expectAwsError, ok } from "./cli-suite.js";

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

  it("simulates custom and principal policies", async () => {
    const policy = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: "s3:GetObject", Resource: "*" },
        {
          Effect: "Allow",
          Action: "secretsmanager:GetSecretValue",
          Resource: "*",
          Condition: { StringEquals: { "aws:sourceVpce": "vpce-0123456789abcdef0" } },
        },
        { Effect: "Deny", Action: "s3:DeleteObject", Resource: "*" },
      ],
    });
    const dir = mkdtempSync(join(tmpdir(), "accesslab-simulate-"));
    // A list parameter read from file:// must hold a JSON list: the CLI
    // iterates a bare string, sending one PolicyInputList member per character.
    const plain = join(dir, "policy.json");
    const listed = join(dir, "policy-list.json");
    writeFileSync(plain, policy);
    writeFileSync(listed, JSON.stringify([policy]));
    const simulate = ["iam", "simulate-custom-policy", "--policy-input-list"];
    const [inline, withContext, fromList, perCharacter] = await Promise.all([
      aws([
        ...simulate,
        policy,
        "--action-names",
        "s3:GetObject",
        "s3:PutObject",
        "s3:DeleteObject",
        "--page-size",
        "1",
      ]),
      aws([
        ...simulate,
        policy,
        "--action-names",
        "secretsmanager:GetSecretValue",
        "--context-entries",
        "ContextKeyName=aws:sourceVpce,ContextKeyValues=vpce-0123456789abcdef0,ContextKeyType=string",
      ]),
      aws([...simulate, `file://${listed}`, "--action-names", "secretsmanager:GetSecretValue"]),
      aws([...simulate, `file://${plain}`, "--action-names", "s3:GetObject"]),
    ]);
    type Results = {
      EvaluationResults: {
        EvalActionName: string;
        EvalDecision: string;
        MatchedStatements: { SourcePolicyId: string }[];
        MissingContextValues: string[];
      }[];
    };
    // --page-size 1: the CLI sends MaxItems=1 and follows Marker to the end.
    const decisions = ok<Results>(inline).EvaluationResults;
    expect(decisions.map((r) => [r.EvalActionName, r.EvalDecision])).toEqual([
      ["s3:GetObject", "allowed"],
      ["s3:PutObject", "implicitDeny"],
      ["s3:DeleteObject", "explicitDeny"],
    ]);
    expect(decisions[0]?.MatchedStatements).toEqual([
      expect.objectContaining({ SourcePolicyId: "PolicyInputList.1" }),
    ]);
    expect(ok<Results>(withContext).EvaluationResults).toMatchObject([
      { EvalDecision: "allowed", MissingContextValues: [] },
    ]);
    expect(ok<Results>(fromList).EvaluationResults).toMatchObject([
      { EvalDecision: "implicitDeny", MissingContextValues: ["aws:sourceVpce"] },
    ]);
    expectAwsError(perCharacter, "MalformedPolicyDocument", "SimulateCustomPolicy");

    const roleArn = "arn:aws:iam::000000000000:role/sim-target";
    const trust = trustPolicy({ Service: "lambda.amazonaws.com" });
    ok(
      await aws([
        "iam",
        "create-role",
        "--role-name",
        "sim-target",
        "--assume-role-policy-document",
        trust,
      ]),
    );
    const [inlinePolicy, attached] = await Promise.all([
      aws([
        "iam",
        "put-role-policy",
        "--role-name",
        "sim-target",
        "--policy-name",
        "no-delete",
        "--policy-document",
        JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Deny", Action: "secretsmanager:DeleteSecret", Resource: "*" }],
        }),
      ]),
      aws([
        "iam",
        "attach-role-policy",
        "--role-name",
        "sim-target",
        "--policy-arn",
        "arn:aws:iam::aws:policy/SecretsManagerReadWrite",
      ]),
    ]);
    ok(inlinePolicy);
    ok(attached);
    const [principal, missing] = await Promise.all([
      aws([
        "iam",
        "simulate-principal-policy",
        "--policy-source-arn",
        roleArn,
        "--action-names",
        "secretsmanager:GetSecretValue",
        "secretsmanager:DeleteSecret",
        "iam:CreateUser",
      ]),
      aws([
        "iam",
        "simulate-principal-policy",
        "--policy-source-arn",
        "arn:aws:iam::000000000000:role/nope",
        "--action-names",
        "s3:GetObject",
      ]),
    ]);
    expect(
      ok<Results>(principal).EvaluationResults.map((r) => [r.EvalActionName, r.EvalDecision]),
    ).toEqual([
      ["secretsmanager:GetSecretValue", "allowed"],
      ["secretsmanager:DeleteSecret", "explicitDeny"],
      ["iam:CreateUser", "implicitDeny"],
    ]);
    expectAwsError(missing, "NoSuchEntity", "SimulatePrincipalPolicy");
  });
});
