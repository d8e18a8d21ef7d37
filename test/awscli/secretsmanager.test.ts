/**
 * The Debian AWS CLI against accesslab's Secrets Manager: a secret's
 * values and versions, list-secrets through the CLI's paginator, deletion
 * with and without a recovery window; resource policies (a public one
 * refused under `--block-public-policy`, validate-resource-policy's
 * findings, an `aws:sourceVpce` deny that refuses the plain endpoint and
 * passes `--endpoint-url <server>/_vpce/<id>`); and an IAM user allowed
 * only DescribeSecret refused GetSecretValue.
 */
import {
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  CreateVpcEndpointCommand,
  EC2Client,
} from "@aws-sdk/client-ec2";
import { describe, expect, it } from "vitest";
import {
  allow,
  expectAwsError,
  NO_AWS_CLI,
  ok,
  useCliServer,
  userWithPolicy,
} from "./cli-suite.js";

interface SecretValue {
  ARN: string;
  Name: string;
  VersionId: string;
  SecretString?: string;
  VersionStages?: string[];
}

const PUBLIC_POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Principal: "*", Action: "secretsmanager:GetSecretValue", Resource: "*" },
  ],
});

/** A VPC with one subnet, a group and a Secrets Manager interface endpoint; returns its id. */
async function secretsManagerEndpoint(ec2: EC2Client): Promise<string> {
  const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: "10.40.0.0/16" }));
  const VpcId = vpc.Vpc?.VpcId ?? "";
  const [subnet, group] = await Promise.all([
    ec2.send(
      new CreateSubnetCommand({ VpcId, CidrBlock: "10.40.0.0/24", AvailabilityZone: "us-east-1a" }),
    ),
    ec2.send(new CreateSecurityGroupCommand({ VpcId, GroupName: "sm-sg", Description: "sm tier" })),
  ]);
  const endpoint = await ec2.send(
    new CreateVpcEndpointCommand({
      VpcId,
      VpcEndpointType: "Interface",
      ServiceName: "com.amazonaws.us-east-1.secretsmanager",
      SubnetIds: [subnet.Subnet?.SubnetId ?? ""],
      SecurityGroupIds: [group.GroupId ?? ""],
    }),
  );
  return endpoint.VpcEndpoint?.VpcEndpointId ?? "";
}

describe.skipIf(NO_AWS_CLI)("aws cli: Secrets Manager", () => {
  const cli = useCliServer();
  const aws = cli.aws;

  it("stores, versions, lists and deletes secrets", async () => {
    const created = ok<SecretValue>(
      await aws([
        "secretsmanager",
        "create-secret",
        "--name",
        "app/db",
        "--secret-string",
        "first",
        "--description",
        "db password",
        "--tags",
        "Key=team,Value=core",
      ]),
    );
    expect(created.ARN).toMatch(
      /^arn:aws:secretsmanager:us-east-1:000000000000:secret:app\/db-[A-Za-z0-9]{6}$/,
    );
    expect(created.Name).toBe("app/db");
    const [put, other, missing] = await Promise.all([
      aws([
        "secretsmanager",
        "put-secret-value",
        "--secret-id",
        "app/db",
        "--secret-string",
        "second",
      ]),
      aws(["secretsmanager", "create-secret", "--name", "app/api", "--secret-string", "k"]),
      aws(["secretsmanager", "get-secret-value", "--secret-id", "app/nope"]),
    ]);
    const second = ok<SecretValue>(put);
    expect(second).toMatchObject({ ARN: created.ARN, VersionStages: ["AWSCURRENT"] });
    expect(second.VersionId).not.toBe(created.VersionId);
    ok(other);
    expect(expectAwsError(missing, "ResourceNotFoundException", "GetSecretValue")).toBe(
      "Secrets Manager can't find the specified secret.",
    );

    const [current, previous, described, listed] = await Promise.all([
      aws(["secretsmanager", "get-secret-value", "--secret-id", created.ARN]),
      aws([
        "secretsmanager",
        "get-secret-value",
        "--secret-id",
        "app/db",
        "--version-stage",
        "AWSPREVIOUS",
      ]),
      aws(["secretsmanager", "describe-secret", "--secret-id", "app/db"]),
      aws(["secretsmanager", "list-secrets", "--page-size", "1"]),
    ]);
    expect(ok(current)).toMatchObject({ SecretString: "second", VersionId: second.VersionId });
    expect(ok(previous)).toMatchObject({
      SecretString: "first",
      VersionId: created.VersionId,
      VersionStages: ["AWSPREVIOUS"],
    });
    const description = ok<Record<string, unknown>>(described);
    expect(description).toMatchObject({
      ARN: created.ARN,
      Name: "app/db",
      Description: "db password",
      Tags: [{ Key: "team", Value: "core" }],
      VersionIdsToStages: {
        [created.VersionId]: ["AWSPREVIOUS"],
        [second.VersionId]: ["AWSCURRENT"],
      },
    });
    expect(description.CreatedDate).toEqual(expect.any(String));
    // --page-size 1: the CLI sends MaxResults=1 and follows NextToken to the end.
    const names = ok<{ SecretList: { Name: string }[] }>(listed).SecretList.map((s) => s.Name);
    expect(names.sort()).toEqual(["app/api", "app/db"]);

    const [scheduled, forced] = await Promise.all([
      aws([
        "secretsmanager",
        "delete-secret",
        "--secret-id",
        "app/db",
        "--recovery-window-in-days",
        "7",
      ]),
      aws([
        "secretsmanager",
        "delete-secret",
        "--secret-id",
        "app/api",
        "--force-delete-without-recovery",
      ]),
    ]);
    expect(ok(scheduled)).toMatchObject({ ARN: created.ARN, DeletionDate: expect.any(String) });
    expect(ok(forced)).toMatchObject({ Name: "app/api" });
    const [marked, gone] = await Promise.all([
      aws(["secretsmanager", "get-secret-value", "--secret-id", "app/db"]),
      aws(["secretsmanager", "describe-secret", "--secret-id", "app/api"]),
    ]);
    expect(expectAwsError(marked, "InvalidRequestException", "GetSecretValue")).toContain(
      "marked for deletion",
    );
    expectAwsError(gone, "ResourceNotFoundException", "DescribeSecret");
  });

  it("holds a resource policy whose aws:sourceVpce deny only the endpoint passes", async () => {
    // The endpoint is set-up (the EC2 CLI has its own suite): the in-process SDK is quicker.
    const [vpce, secretRun] = await Promise.all([
      secretsManagerEndpoint(new EC2Client(cli.server().config())),
      aws(["secretsmanager", "create-secret", "--name", "vpc-only", "--secret-string", "v"]),
    ]);
    const secret = ok<SecretValue>(secretRun);
    const deny = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Deny",
          Principal: "*",
          Action: "secretsmanager:GetSecretValue",
          Resource: "*",
          Condition: { StringNotEquals: { "aws:sourceVpce": vpce } },
        },
      ],
    });
    const denyFile = cli.file("vpce-deny.json", deny);
    const put = (policy: string) => [
      "secretsmanager",
      "put-resource-policy",
      "--secret-id",
      "vpc-only",
      "--resource-policy",
      policy,
      "--block-public-policy",
    ];
    const validate = (policy: string) => [
      "secretsmanager",
      "validate-resource-policy",
      "--resource-policy",
      policy,
    ];
    const [publicRun, publicCheck, denyCheck, stored] = await Promise.all([
      aws(put(PUBLIC_POLICY)),
      aws(validate(PUBLIC_POLICY)),
      aws(validate(`file://${denyFile}`)),
      aws(put(`file://${denyFile}`)),
    ]);
    expectAwsError(publicRun, "PublicPolicyException", "PutResourcePolicy");
    const findings = ok<{ PolicyValidationPassed: boolean; ValidationErrors: unknown[] }>(
      publicCheck,
    );
    expect(findings.PolicyValidationPassed).toBe(false);
    expect(findings.ValidationErrors).toEqual([
      expect.objectContaining({ CheckName: "BroadAccessCheck" }),
    ]);
    expect(ok(denyCheck)).toEqual({ PolicyValidationPassed: true, ValidationErrors: [] });
    expect(ok(stored)).toEqual({ ARN: secret.ARN, Name: "vpc-only" });

    const [policy, plain, viaEndpoint] = await Promise.all([
      aws(["secretsmanager", "get-resource-policy", "--secret-id", "vpc-only"]),
      aws(["secretsmanager", "get-secret-value", "--secret-id", "vpc-only"]),
      aws(
        ["secretsmanager", "get-secret-value", "--secret-id", "vpc-only"],
        undefined,
        `${cli.server().running.endpoint}/_vpce/${vpce}`,
      ),
    ]);
    const got = ok<{ ARN: string; ResourcePolicy: string }>(policy);
    expect(got.ARN).toBe(secret.ARN);
    expect(JSON.parse(got.ResourcePolicy)).toEqual(JSON.parse(deny));
    expect(expectAwsError(plain, "AccessDeniedException", "GetSecretValue")).toBe(
      `User: arn:aws:iam::000000000000:root is not authorized to perform: secretsmanager:GetSecretValue on resource: ${secret.ARN} with an explicit deny in a resource-based policy`,
    );
    expect(ok(viaEndpoint)).toMatchObject({ Name: "vpc-only", SecretString: "v" });
  });

  it("refuses GetSecretValue to a user allowed only DescribeSecret", async () => {
    const [reader, made] = await Promise.all([
      userWithPolicy(cli, "sm-reader", allow("secretsmanager:DescribeSecret")),
      aws(["secretsmanager", "create-secret", "--name", "team/key", "--secret-string", "x"]),
    ]);
    const arn = ok<SecretValue>(made).ARN;
    const [described, refused] = await Promise.all([
      aws(["secretsmanager", "describe-secret", "--secret-id", "team/key"], reader),
      aws(["secretsmanager", "get-secret-value", "--secret-id", "team/key"], reader),
    ]);
    expect(ok(described)).toMatchObject({ ARN: arn });
    expect(expectAwsError(refused, "AccessDeniedException", "GetSecretValue")).toBe(
      `User: arn:aws:iam::000000000000:user/sm-reader is not authorized to perform: secretsmanager:GetSecretValue on resource: ${arn} because no identity-based policy allows the secretsmanager:GetSecretValue action`,
    );
  });
});
