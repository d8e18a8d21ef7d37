/**
 * Secrets Manager through the real `@aws-sdk/client-secrets-manager`
 * against an in-process server: every operation, the ARN suffix, lookup by
 * name, full and partial ARN, versions and staging labels, deletion rules,
 * `paginateListSecrets`, BlockPublicPolicy and ValidateResourcePolicy, and
 * the seed's `aws:sourceVpce` deny, which only a call through the named
 * VPC endpoint (header or `/_vpce/<id>` path prefix) passes, and only when
 * that endpoint's policy allows the action. VPC endpoints are seeded
 * straight into the store.
 */

import { CreateAccessKeyCommand, CreateUserCommand } from "@aws-sdk/client-iam";
import {
  CreateSecretCommand,
  DeleteResourcePolicyCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetResourcePolicyCommand,
  GetSecretValueCommand,
  InvalidParameterException,
  InvalidRequestException,
  ListSecretsCommand,
  MalformedPolicyDocumentException,
  PublicPolicyException,
  PutResourcePolicyCommand,
  PutSecretValueCommand,
  paginateListSecrets,
  ResourceExistsException,
  ResourceNotFoundException,
  SecretsManagerClient,
  SecretsManagerServiceException,
  ValidateResourcePolicyCommand,
} from "@aws-sdk/client-secrets-manager";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EC2_RECORD, type VpcEndpoint } from "../../src/services/ec2/model.js";
import { openStore } from "../../src/store/open.js";
import { startTestServer, type TestServer } from "./harness.js";

const ENDPOINT_ID = "vpce-0123456789abcdef0";
const OTHER_ENDPOINT_ID = "vpce-0fedcba9876543210";
const STINGY_ENDPOINT_ID = "vpce-00000000000000001";
const EFS_ENDPOINT_ID = "vpce-00000000000000002";
const VPC_ID = "vpc-0123456789abcdef0";
const ARN_PATTERN =
  /^arn:aws:secretsmanager:us-east-1:000000000000:secret:(?<name>.+)-(?<suffix>[A-Za-z0-9]{6})$/;

let server: TestServer;
let sm: SecretsManagerClient;

function endpoint(id: string, serviceName: string, policy?: object): VpcEndpoint {
  return {
    vpcEndpointId: id,
    vpcEndpointType: "Interface",
    vpcId: VPC_ID,
    serviceName,
    policyDocument: JSON.stringify(
      policy ?? { Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] },
    ),
    subnetIds: [],
    securityGroupIds: [],
    privateDnsEnabled: true,
    creationTimeMs: 0,
    ownerId: "000000000000",
    tags: [],
  };
}

beforeAll(async () => {
  const store = openStore({ kind: "memory" });
  const seed = [
    endpoint(ENDPOINT_ID, "com.amazonaws.us-east-1.secretsmanager"),
    endpoint(OTHER_ENDPOINT_ID, "com.amazonaws.us-east-1.secretsmanager"),
    endpoint(STINGY_ENDPOINT_ID, "com.amazonaws.us-east-1.secretsmanager", {
      Statement: [
        {
          Effect: "Allow",
          Principal: "*",
          Action: "secretsmanager:DescribeSecret",
          Resource: "*",
        },
      ],
    }),
    endpoint(EFS_ENDPOINT_ID, "com.amazonaws.us-east-1.elasticfilesystem"),
  ];
  for (const e of seed) store.records.put(EC2_RECORD.vpcEndpoint, e.vpcEndpointId, e);
  server = await startTestServer({ store });
  sm = new SecretsManagerClient(server.config());
});
afterAll(() => server.close());

async function failure<T>(promise: Promise<unknown>, type: abstract new (...a: never[]) => T) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  return error as T & SecretsManagerServiceException;
}

describe("serve: Secrets Manager secrets and versions", () => {
  it("creates a secret with a 6-character ARN suffix and reads it by name, ARN and partial ARN", async () => {
    const created = await sm.send(
      new CreateSecretCommand({
        Name: "app/db",
        SecretString: '{"password":"hunter2"}',
        Description: "database",
        KmsKeyId: "alias/aws/secretsmanager",
        Tags: [{ Key: "team", Value: "data" }],
      }),
    );
    const match = ARN_PATTERN.exec(created.ARN ?? "");
    expect(match?.groups?.name).toBe("app/db");
    expect(created.Name).toBe("app/db");
    expect(created.VersionId).toMatch(/^[0-9a-f-]{36}$/);
    const arn = created.ARN ?? "";
    const partial = arn.slice(0, -7);
    for (const id of ["app/db", arn, partial]) {
      const value = await sm.send(new GetSecretValueCommand({ SecretId: id }));
      expect(value).toMatchObject({
        ARN: arn,
        Name: "app/db",
        VersionId: created.VersionId,
        SecretString: '{"password":"hunter2"}',
        VersionStages: ["AWSCURRENT"],
      });
      expect(value.CreatedDate).toBeInstanceOf(Date);
    }
    await failure(
      sm.send(new GetSecretValueCommand({ SecretId: `${partial}-XXXXXX` })),
      ResourceNotFoundException,
    );
  });

  it("refuses an existing name, an unknown secret and bad input with AWS's errors", async () => {
    const exists = await failure(
      sm.send(new CreateSecretCommand({ Name: "app/db", SecretString: "x" })),
      ResourceExistsException,
    );
    expect(exists.$metadata.httpStatusCode).toBe(400);
    const missing = await failure(
      sm.send(new GetSecretValueCommand({ SecretId: "nope" })),
      ResourceNotFoundException,
    );
    expect(missing.message).toBe("Secrets Manager can't find the specified secret.");
    await failure(
      sm.send(new CreateSecretCommand({ Name: "bad name!", SecretString: "x" })),
      InvalidParameterException,
    );
    await failure(
      sm.send(
        new CreateSecretCommand({
          Name: "both",
          SecretString: "x",
          SecretBinary: Uint8Array.of(1),
        }),
      ),
      InvalidParameterException,
    );
  });

  it("keeps binary values and honours ClientRequestToken as the version id", async () => {
    const token = "EXAMPLE1-90ab-cdef-fedc-ba987SECRET1";
    const created = await sm.send(
      new CreateSecretCommand({
        Name: "bin",
        SecretBinary: Uint8Array.of(0, 1, 2, 255),
        ClientRequestToken: token,
      }),
    );
    expect(created.VersionId).toBe(token);
    const value = await sm.send(new GetSecretValueCommand({ SecretId: "bin" }));
    expect(Array.from(value.SecretBinary ?? [])).toEqual([0, 1, 2, 255]);
    expect(value.SecretString).toBeUndefined();
  });

  it("moves AWSCURRENT to a new version and AWSPREVIOUS to the old one", async () => {
    const first = await sm.send(new CreateSecretCommand({ Name: "rotating", SecretString: "v1" }));
    const token = "00000000-0000-4000-8000-000000000002";
    const second = await sm.send(
      new PutSecretValueCommand({
        SecretId: "rotating",
        SecretString: "v2",
        ClientRequestToken: token,
      }),
    );
    expect(second).toMatchObject({ VersionId: token, VersionStages: ["AWSCURRENT"] });
    // Same token, same value: a no-op; another value: refused.
    await sm.send(
      new PutSecretValueCommand({
        SecretId: "rotating",
        SecretString: "v2",
        ClientRequestToken: token,
      }),
    );
    await failure(
      sm.send(
        new PutSecretValueCommand({
          SecretId: "rotating",
          SecretString: "v3",
          ClientRequestToken: token,
        }),
      ),
      ResourceExistsException,
    );
    expect((await sm.send(new GetSecretValueCommand({ SecretId: "rotating" }))).SecretString).toBe(
      "v2",
    );
    const previous = await sm.send(
      new GetSecretValueCommand({ SecretId: "rotating", VersionStage: "AWSPREVIOUS" }),
    );
    expect(previous).toMatchObject({ SecretString: "v1", VersionId: first.VersionId });
    const byId = await sm.send(
      new GetSecretValueCommand({ SecretId: "rotating", VersionId: first.VersionId }),
    );
    expect(byId.VersionStages).toEqual(["AWSPREVIOUS"]);
    const described = await sm.send(new DescribeSecretCommand({ SecretId: "rotating" }));
    expect(described.VersionIdsToStages).toEqual({
      [first.VersionId ?? ""]: ["AWSPREVIOUS"],
      [token]: ["AWSCURRENT"],
    });
    await failure(
      sm.send(new GetSecretValueCommand({ SecretId: "rotating", VersionStage: "AWSPENDING" })),
      ResourceNotFoundException,
    );
  });

  it("describes a secret without its value", async () => {
    const described = await sm.send(new DescribeSecretCommand({ SecretId: "app/db" }));
    expect(described).toMatchObject({
      Name: "app/db",
      Description: "database",
      KmsKeyId: "alias/aws/secretsmanager",
      Tags: [{ Key: "team", Value: "data" }],
      RotationEnabled: false,
    });
    expect(described.CreatedDate).toBeInstanceOf(Date);
    expect(JSON.stringify(described)).not.toContain("hunter2");
  });
});

describe("serve: ListSecrets", () => {
  it("pages with paginateListSecrets and filters by name, tag and description", async () => {
    for (const n of [1, 2, 3, 4, 5]) {
      await sm.send(
        new CreateSecretCommand({
          Name: `list/s${n}`,
          SecretString: "x",
          Description: n % 2 === 0 ? "even" : "odd",
          Tags: [{ Key: `k${n}`, Value: "v" }],
        }),
      );
    }
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListSecrets(
      { client: sm, pageSize: 2 },
      { Filters: [{ Key: "name", Values: ["list/"] }] },
    )) {
      pages++;
      names.push(...(page.SecretList ?? []).map((s) => s.Name ?? ""));
    }
    expect(pages).toBe(3);
    expect(names).toEqual(["list/s1", "list/s2", "list/s3", "list/s4", "list/s5"]);
    const even = await sm.send(
      new ListSecretsCommand({ Filters: [{ Key: "description", Values: ["even"] }] }),
    );
    expect(even.SecretList?.map((s) => s.Name)).toEqual(["list/s2", "list/s4"]);
    const tagged = await sm.send(
      new ListSecretsCommand({
        Filters: [
          { Key: "tag-key", Values: ["k3", "k5"] },
          { Key: "name", Values: ["list/"] },
        ],
      }),
    );
    expect(tagged.SecretList?.map((s) => s.Name)).toEqual(["list/s3", "list/s5"]);
    expect(tagged.SecretList?.[0]?.SecretVersionsToStages).toBeDefined();
    await failure(
      sm.send(new ListSecretsCommand({ Filters: [{ Key: "colour" as "name", Values: ["x"] }] })),
      InvalidParameterException,
    );
  });
});

describe("serve: DeleteSecret", () => {
  it("schedules deletion, refuses the value meanwhile, and hides it from the list", async () => {
    await sm.send(new CreateSecretCommand({ Name: "doomed", SecretString: "x" }));
    const deleted = await sm.send(
      new DeleteSecretCommand({ SecretId: "doomed", RecoveryWindowInDays: 7 }),
    );
    const days = ((deleted.DeletionDate?.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThan(7.1);
    const refused = await failure(
      sm.send(new GetSecretValueCommand({ SecretId: "doomed" })),
      InvalidRequestException,
    );
    expect(refused.message).toBe(
      "You can't perform this operation on the secret because it was marked for deletion.",
    );
    const described = await sm.send(new DescribeSecretCommand({ SecretId: "doomed" }));
    expect(described.DeletedDate).toBeInstanceOf(Date);
    const listed = await sm.send(
      new ListSecretsCommand({ Filters: [{ Key: "name", Values: ["doomed"] }] }),
    );
    expect(listed.SecretList).toEqual([]);
    const planned = await sm.send(
      new ListSecretsCommand({
        IncludePlannedDeletion: true,
        Filters: [{ Key: "name", Values: ["doomed"] }],
      }),
    );
    expect(planned.SecretList?.map((s) => s.Name)).toEqual(["doomed"]);
  });

  it("checks the recovery window and deletes at once without recovery", async () => {
    await sm.send(new CreateSecretCommand({ Name: "gone", SecretString: "x" }));
    await failure(
      sm.send(new DeleteSecretCommand({ SecretId: "gone", RecoveryWindowInDays: 3 })),
      InvalidParameterException,
    );
    await failure(
      sm.send(
        new DeleteSecretCommand({
          SecretId: "gone",
          RecoveryWindowInDays: 7,
          ForceDeleteWithoutRecovery: true,
        }),
      ),
      InvalidParameterException,
    );
    await sm.send(new DeleteSecretCommand({ SecretId: "gone", ForceDeleteWithoutRecovery: true }));
    await failure(
      sm.send(new DescribeSecretCommand({ SecretId: "gone" })),
      ResourceNotFoundException,
    );
    await sm.send(new CreateSecretCommand({ Name: "gone", SecretString: "again" }));
  });
});

const policy = (...statements: object[]) =>
  JSON.stringify({ Version: "2012-10-17", Statement: statements });
const PUBLIC = policy({
  Effect: "Allow",
  Principal: "*",
  Action: "secretsmanager:GetSecretValue",
  Resource: "*",
});

describe("serve: resource policies", () => {
  it("puts, gets and deletes a policy, and blocks a public one on request", async () => {
    await sm.send(new CreateSecretCommand({ Name: "shared", SecretString: "x" }));
    const none = await sm.send(new GetResourcePolicyCommand({ SecretId: "shared" }));
    expect(none.ResourcePolicy).toBeUndefined();
    const blocked = await failure(
      sm.send(
        new PutResourcePolicyCommand({
          SecretId: "shared",
          ResourcePolicy: PUBLIC,
          BlockPublicPolicy: true,
        }),
      ),
      PublicPolicyException,
    );
    expect(blocked.$metadata.httpStatusCode).toBe(400);
    await sm.send(new PutResourcePolicyCommand({ SecretId: "shared", ResourcePolicy: PUBLIC }));
    const got = await sm.send(new GetResourcePolicyCommand({ SecretId: "shared" }));
    expect(got.ResourcePolicy).toBe(PUBLIC);
    await sm.send(new DeleteResourcePolicyCommand({ SecretId: "shared" }));
    expect(
      (await sm.send(new GetResourcePolicyCommand({ SecretId: "shared" }))).ResourcePolicy,
    ).toBeUndefined();
    await failure(
      sm.send(new PutResourcePolicyCommand({ SecretId: "shared", ResourcePolicy: "{" })),
      MalformedPolicyDocumentException,
    );
  });

  it("accepts a wildcard principal narrowed by a condition, even with BlockPublicPolicy", async () => {
    const narrowed = policy({
      Effect: "Allow",
      Principal: "*",
      Action: "secretsmanager:GetSecretValue",
      Resource: "*",
      Condition: { StringEquals: { "aws:PrincipalAccount": "000000000000" } },
    });
    await sm.send(
      new PutResourcePolicyCommand({
        SecretId: "shared",
        ResourcePolicy: narrowed,
        BlockPublicPolicy: true,
      }),
    );
  });

  it("lets a resource policy grant a user what no identity policy does", async () => {
    const iam = server.iam();
    await iam.send(new CreateUserCommand({ UserName: "reader" }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: "reader" }));
    const reader = new SecretsManagerClient(
      server.config({
        accessKeyId: AccessKey?.AccessKeyId ?? "",
        secretAccessKey: AccessKey?.SecretAccessKey ?? "",
      }),
    );
    await sm.send(new CreateSecretCommand({ Name: "for-reader", SecretString: "x" }));
    const refused = await failure(
      reader.send(new GetSecretValueCommand({ SecretId: "for-reader" })),
      SecretsManagerServiceException,
    );
    expect(refused.name).toBe("AccessDeniedException");
    expect(refused.message).toContain("User: arn:aws:iam::000000000000:user/reader");
    await sm.send(
      new PutResourcePolicyCommand({
        SecretId: "for-reader",
        ResourcePolicy: policy({
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::000000000000:user/reader" },
          Action: "secretsmanager:GetSecretValue",
          Resource: "*",
        }),
        BlockPublicPolicy: true,
      }),
    );
    const value = await reader.send(new GetSecretValueCommand({ SecretId: "for-reader" }));
    expect(value.SecretString).toBe("x");
    await failure(
      reader.send(new DescribeSecretCommand({ SecretId: "for-reader" })),
      SecretsManagerServiceException,
    );
  });

  it("reports syntax and broad-access problems through ValidateResourcePolicy", async () => {
    const ok = await sm.send(
      new ValidateResourcePolicyCommand({
        ResourcePolicy: policy({
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::000000000000:root" },
          Action: "secretsmanager:GetSecretValue",
          Resource: "*",
        }),
      }),
    );
    expect(ok).toMatchObject({ PolicyValidationPassed: true, ValidationErrors: [] });
    const broad = await sm.send(
      new ValidateResourcePolicyCommand({ SecretId: "shared", ResourcePolicy: PUBLIC }),
    );
    expect(broad.PolicyValidationPassed).toBe(false);
    expect(broad.ValidationErrors?.[0]?.CheckName).toBe("BroadAccessCheck");
    const broken = await sm.send(
      new ValidateResourcePolicyCommand({
        ResourcePolicy: policy({ Effect: "Allow", Action: "secretsmanager:*", Resource: "*" }),
      }),
    );
    expect(broken.PolicyValidationPassed).toBe(false);
    expect(broken.ValidationErrors?.[0]?.CheckName).toBe("PolicySyntaxCheck");
  });
});

describe("serve: calls through a VPC endpoint", () => {
  let arn = "";
  const via = (id: string) =>
    new SecretsManagerClient({
      ...server.config(),
      endpoint: `${server.running.endpoint}/_vpce/${id}`,
    });
  const withHeader = (id: string) => {
    const client = new SecretsManagerClient(server.config());
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { headers: Record<string, string> };
        request.headers["x-accesslab-vpce"] = id;
        return next(args);
      },
      { step: "build", name: "accesslabVpce" },
    );
    return client;
  };

  beforeAll(async () => {
    const created = await sm.send(
      new CreateSecretCommand({ Name: "vpc-only", SecretString: "s3cr3t" }),
    );
    arn = created.ARN ?? "";
    await sm.send(
      new PutResourcePolicyCommand({
        SecretId: "vpc-only",
        ResourcePolicy: policy({
          Effect: "Deny",
          Principal: "*",
          Action: "secretsmanager:GetSecretValue",
          Resource: "*",
          Condition: { StringNotEquals: { "aws:sourceVpce": ENDPOINT_ID } },
        }),
      }),
    );
  });

  it("refuses the call from outside any VPC with an explicit deny in the resource policy", async () => {
    const refused = await failure(
      sm.send(new GetSecretValueCommand({ SecretId: "vpc-only" })),
      SecretsManagerServiceException,
    );
    expect(refused.name).toBe("AccessDeniedException");
    expect(refused.$metadata.httpStatusCode).toBe(400);
    expect(refused.message).toBe(
      `User: arn:aws:iam::000000000000:root is not authorized to perform: secretsmanager:GetSecretValue on resource: ${arn} with an explicit deny in a resource-based policy`,
    );
    expect(refused.message).not.toContain("s3cr3t");
  });

  it("allows the call through the endpoint named by the header or the path prefix", async () => {
    const byHeader = await withHeader(ENDPOINT_ID).send(
      new GetSecretValueCommand({ SecretId: "vpc-only" }),
    );
    expect(byHeader.SecretString).toBe("s3cr3t");
    const byPath = await via(ENDPOINT_ID).send(new GetSecretValueCommand({ SecretId: "vpc-only" }));
    expect(byPath.SecretString).toBe("s3cr3t");
  });

  it("refuses the call through another endpoint", async () => {
    const refused = await failure(
      via(OTHER_ENDPOINT_ID).send(new GetSecretValueCommand({ SecretId: "vpc-only" })),
      SecretsManagerServiceException,
    );
    expect(refused.name).toBe("AccessDeniedException");
    expect(refused.message).toContain("explicit deny in a resource-based policy");
  });

  it("refuses an action the endpoint policy does not allow", async () => {
    const client = via(STINGY_ENDPOINT_ID);
    await client.send(new DescribeSecretCommand({ SecretId: "vpc-only" }));
    const refused = await failure(
      client.send(new GetSecretValueCommand({ SecretId: "app/db" })),
      SecretsManagerServiceException,
    );
    expect(refused.name).toBe("AccessDeniedException");
    expect(refused.message).toContain("VPC endpoint policy");
  });

  it("refuses an unknown endpoint and an endpoint of another service with a 400 naming both", async () => {
    const unknown = await failure(
      via("vpce-0000000000000dead").send(new DescribeSecretCommand({ SecretId: "vpc-only" })),
      InvalidRequestException,
    );
    expect(unknown.message).toContain("`vpce-0000000000000dead` does not exist");
    const wrong = await failure(
      withHeader(EFS_ENDPOINT_ID).send(new DescribeSecretCommand({ SecretId: "vpc-only" })),
      InvalidRequestException,
    );
    expect(wrong.$metadata.httpStatusCode).toBe(400);
    expect(wrong.message).toContain("com.amazonaws.us-east-1.elasticfilesystem");
    expect(wrong.message).toContain("com.amazonaws.us-east-1.secretsmanager");
  });
});
