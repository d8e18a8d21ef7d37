import { describe, expect, it } from "vitest";
import type { ServiceContext } from "../context.js";
import { putRolePolicy } from "../iam/role-policies.js";
import { createRole } from "../iam/roles.js";
import { createSecret, readCreateSecret } from "../secretsmanager/create-secret.js";
import { findSecret } from "../secretsmanager/lookup.js";
import type { Secret } from "../secretsmanager/model.js";
import { putResourcePolicy } from "../secretsmanager/resource-policy.js";
import { getSecretValue, putSecretValue } from "../secretsmanager/secret-versions.js";
import { createStack } from "./create-stack.js";
import { keepingValuesOut, REDACTED } from "./dynamic-references.js";
import { stackEvents } from "./events.js";
import type { Stack } from "./model.js";
import { JSON_KEY_NOT_FOUND } from "./secret-reference.js";
import { readStackTemplate } from "./stack-template.js";
import { findStack } from "./stacks.js";
import { allowing, cfnTestContext, ROOT, trust } from "./template.test-support.js";
import { deployBody, updateBody } from "./update.test-support.js";

const PASSWORD = "S3cr3t-only-in-Secrets-Manager";

/** A secret made outside the stack, as the Secrets Manager API would. */
function existingSecret(ctx: ServiceContext, name: string, value: string): Secret {
  createSecret(ctx, readCreateSecret(ctx, { Name: name, SecretString: value }));
  return findSecret(ctx, name) as Secret;
}

/** The current SecretString of the secret `id` names. */
function secretValueOf(ctx: ServiceContext, id: string): string | undefined {
  const secret = findSecret(ctx, id);
  if (secret === undefined) return undefined;
  return (getSecretValue(secret, {}) as { SecretString?: string }).SecretString;
}

/** A template whose secret `Copy` holds `value` (YAML, quoted as given). */
const copying = (value: string, extra = "") => `Resources:
  Copy:
    Type: AWS::SecretsManager::Secret
    Properties:
      Name: app/copy
      SecretString: ${value}
${extra}`;

const failure = (ctx: ServiceContext, stack: Stack, logicalId: string) =>
  stackEvents(ctx, stack.stackId).find(
    (e) => e.logicalResourceId === logicalId && e.resourceStatus === "CREATE_FAILED",
  )?.resourceStatusReason;

describe("deploying Secrets Manager dynamic references", () => {
  it("resolves references to a secret made earlier in the same stack through Fn::Sub", () => {
    const ctx = cfnTestContext();
    const body = `Resources:
  Source:
    Type: AWS::SecretsManager::Secret
    Properties:
      Name: app/source
      SecretString: '{"user":"app","password":"Tr0ub4dor-3"}'
  Copy:
    Type: AWS::SecretsManager::Secret
    Properties:
      Name: app/copy
      SecretString: !Sub "user={{resolve:secretsmanager:\${Source}::user}};pass={{resolve:secretsmanager:\${Source}:SecretString:password}}"
`;
    const stack = deployBody(ctx, "app", body);
    expect(stack.status).toBe("CREATE_COMPLETE");
    expect(secretValueOf(ctx, "app/copy")).toBe("user=app;pass=Tr0ub4dor-3");
  });

  it("resolves a reference a Fn::Join assembles from plain pieces", () => {
    const ctx = cfnTestContext();
    existingSecret(ctx, "corp/db", `{"password":"${PASSWORD}"}`);
    const body = `Parameters:
  SecretName: { Type: String, Default: corp/db }
Resources:
  Copy:
    Type: AWS::SecretsManager::Secret
    Properties:
      Name: app/copy
      SecretString: !Join ["", ["{{resolve:secretsmanager:", !Ref SecretName, ":SecretString:password}}"]]
`;
    expect(deployBody(ctx, "app", body).status).toBe("CREATE_COMPLETE");
    expect(secretValueOf(ctx, "app/copy")).toBe(PASSWORD);
    expect(findStack(ctx, "app")?.resources[0]?.properties).not.toContain(PASSWORD);
  });

  it("resolves a secret that exists before the stack, by name and by ARN, whole or by json key", () => {
    const ctx = cfnTestContext();
    const db = existingSecret(ctx, "corp/db", JSON.stringify({ password: PASSWORD, port: 5432 }));
    existingSecret(ctx, "corp/token", "plain-token-text");
    const body = copying(
      `"{{resolve:secretsmanager:corp/token}}|{{resolve:secretsmanager:${db.arn}:SecretString:password}}|{{resolve:secretsmanager:corp/db::port}}"`,
    );
    expect(deployBody(ctx, "app", body).status).toBe("CREATE_COMPLETE");
    expect(secretValueOf(ctx, "app/copy")).toBe(`plain-token-text|${PASSWORD}|5432`);
  });

  it("reads the version a stage or an id names", () => {
    const ctx = cfnTestContext();
    const secret = existingSecret(ctx, "corp/db", '{"pw":"first"}');
    const firstId = secret.versions[0]?.versionId ?? "";
    putSecretValue(ctx, secret, { SecretString: '{"pw":"second"}' });
    const body = copying(
      `"{{resolve:secretsmanager:corp/db::pw}} {{resolve:secretsmanager:corp/db::pw:AWSPREVIOUS}} {{resolve:secretsmanager:corp/db:SecretString:pw::${firstId}}}"`,
    );
    expect(deployBody(ctx, "app", body).status).toBe("CREATE_COMPLETE");
    expect(secretValueOf(ctx, "app/copy")).toBe("second first first");
  });

  it("fails the resource when the secret does not exist, and rolls the stack back", () => {
    const ctx = cfnTestContext();
    const body = `Resources:
  First:
    Type: AWS::SecretsManager::Secret
    Properties: { Name: app/first, SecretString: x }
  Copy:
    Type: AWS::SecretsManager::Secret
    DependsOn: First
    Properties:
      Name: app/copy
      SecretString: "{{resolve:secretsmanager:corp/missing::password}}"
`;
    const stack = deployBody(ctx, "app", body);
    expect(stack.status).toBe("ROLLBACK_COMPLETE");
    expect(failure(ctx, stack, "Copy")).toMatch(
      /^Secrets Manager can't find the specified secret\. \(Service: AWSSecretsManager; Status Code: 400; Error Code: ResourceNotFoundException; Request ID: [0-9a-f-]{36}; Proxy: null\)$/,
    );
    expect(stack.resources.find((r) => r.logicalId === "First")?.status).toBe("DELETE_COMPLETE");
    expect(findSecret(ctx, "app/copy")).toBeUndefined();
  });

  it("fails the resource when the json key is missing or the SecretString is not JSON", () => {
    const ctx = cfnTestContext();
    existingSecret(ctx, "corp/db", '{"password":"x"}');
    existingSecret(ctx, "corp/plain", "not json");
    for (const [i, reference] of ["corp/db::username", "corp/plain::password"].entries()) {
      const body = copying(`"{{resolve:secretsmanager:${reference}}}"`);
      const stack = deployBody(ctx, `app-${i}`, body);
      expect(stack.status).toBe("ROLLBACK_COMPLETE");
      expect(failure(ctx, stack, "Copy")).toBe(JSON_KEY_NOT_FOUND);
    }
  });

  it("fails the resource when a version stage names no version", () => {
    const ctx = cfnTestContext();
    existingSecret(ctx, "corp/db", '{"pw":"x"}');
    const stack = deployBody(
      ctx,
      "app",
      copying('"{{resolve:secretsmanager:corp/db::pw:AWSPENDING}}"'),
    );
    expect(failure(ctx, stack, "Copy")).toContain(
      "Secrets Manager can't find the specified secret value for staging label: AWSPENDING (Service: AWSSecretsManager; Status Code: 400; Error Code: ResourceNotFoundException;",
    );
  });

  it("is refused by an explicit deny in the secret's resource policy", () => {
    const ctx = cfnTestContext();
    const secret = existingSecret(ctx, "corp/share", `{"password":"${PASSWORD}"}`);
    putResourcePolicy(ctx, secret, {
      ResourcePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Deny",
            Principal: "*",
            Action: "secretsmanager:GetSecretValue",
            Resource: "*",
            Condition: { StringNotEquals: { "aws:sourceVpce": "vpce-0123456789abcdef0" } },
          },
        ],
      }),
    });
    const stack = deployBody(
      ctx,
      "app",
      copying('"{{resolve:secretsmanager:corp/share::password}}"'),
    );
    expect(stack.status).toBe("ROLLBACK_COMPLETE");
    expect(failure(ctx, stack, "Copy")).toMatch(
      new RegExp(
        `^User: arn:aws:iam::000000000000:root is not authorized to perform: secretsmanager:GetSecretValue on resource: ${secret.arn.replace(/[/.]/g, "\\$&")} with an explicit deny in a resource-based policy \\(Service: AWSSecretsManager; Status Code: 400; Error Code: AccessDeniedException;`,
      ),
    );
  });

  it("reads as the service role, whose policies must allow GetSecretValue", () => {
    const ctx = cfnTestContext();
    existingSecret(ctx, "corp/db", `{"password":"${PASSWORD}"}`);
    const role = createRole(ctx, {
      roleName: "deployer",
      assumeRolePolicyDocument: JSON.stringify(trust("cloudformation.amazonaws.com")),
    });
    putRolePolicy(ctx, "deployer", "p", JSON.stringify(allowing(["secretsmanager:CreateSecret"])));
    const deploy = (stackName: string) => {
      const body = copying('"{{resolve:secretsmanager:corp/db::password}}"');
      const { template } = readStackTemplate(ctx, body, "t.yaml", { stackName });
      return createStack(ctx, { stackName, template, caller: ROOT, roleArn: role.arn });
    };
    const refused = deploy("refused");
    expect(failure(ctx, refused, "Copy")).toContain(
      "User: arn:aws:sts::000000000000:assumed-role/deployer/AWSCloudFormation is not authorized to perform: secretsmanager:GetSecretValue",
    );
    expect(failure(ctx, refused, "Copy")).toContain("because no identity-based policy allows");
    putRolePolicy(ctx, "deployer", "p", JSON.stringify(allowing(["secretsmanager:*"])));
    expect(deploy("allowed").status).toBe("CREATE_COMPLETE");
    expect(secretValueOf(ctx, "app/copy")).toBe(PASSWORD);
  });

  it("keeps only the reference text in the stack, its template and its events", () => {
    const ctx = cfnTestContext();
    existingSecret(ctx, "corp/db", `{"password":"${PASSWORD}"}`);
    const reference = "{{resolve:secretsmanager:corp/db::password}}";
    const stack = deployBody(ctx, "app", copying(`"${reference}"`));
    expect(secretValueOf(ctx, "app/copy")).toBe(PASSWORD);
    const stored = JSON.stringify(findStack(ctx, "app"));
    expect(stored).toContain(reference);
    expect(stored).not.toContain(PASSWORD);
    expect(JSON.stringify(stackEvents(ctx, stack.stackId))).not.toContain(PASSWORD);
    expect(findStack(ctx, "app")?.templateBody).toContain(reference);
  });

  it("keeps resolved values out of the reasons of resources that fail after resolving", () => {
    const ctx = cfnTestContext();
    existingSecret(ctx, "corp/name", "taken-secret-name");
    existingSecret(ctx, "taken-secret-name", "x");
    const body = `Resources:
  Copy:
    Type: AWS::SecretsManager::Secret
    Properties:
      Name: "{{resolve:secretsmanager:corp/name}}"
      SecretString: x
`;
    const stack = deployBody(ctx, "app", body);
    const reason = failure(ctx, stack, "Copy");
    expect(reason).toContain(`The operation failed because the secret ${REDACTED} already exists.`);
    expect(JSON.stringify(stackEvents(ctx, stack.stackId))).not.toContain("taken-secret-name");
  });

  it("fails a malformed reference naming the property, the character and the template position", () => {
    const ctx = cfnTestContext();
    const stack = deployBody(
      ctx,
      "app",
      copying('"pass={{resolve:secretsmanager:corp/db:SecretBinary}}"'),
    );
    expect(failure(ctx, stack, "Copy")).toBe(
      "malformed dynamic reference `{{resolve:secretsmanager:corp/db:SecretBinary}}` at character 39 of property `SecretString` of `Copy` (t.yaml:6:21): the segment after the secret id must be `SecretString` (or empty), not `SecretBinary`",
    );
  });

  it("leaves ssm references, and every reference when told not to resolve, symbolic", () => {
    const ctx = cfnTestContext();
    existingSecret(ctx, "corp/db", `{"password":"${PASSWORD}"}`);
    const ssm = deployBody(ctx, "ssm", copying('"{{resolve:ssm-secure:/db/pw}}"'));
    expect(failure(ctx, ssm, "Copy")).toContain(
      "depends on a value accesslab cannot know: dynamic reference `{{resolve:ssm-secure:/db/pw}}`",
    );
    const body = copying('"{{resolve:secretsmanager:corp/db::password}}"');
    const { template } = readStackTemplate(ctx, body, "t.yaml", { stackName: "check" });
    const unresolved = createStack(ctx, {
      stackName: "check",
      template,
      caller: ROOT,
      resolveDynamicReferences: false,
    });
    expect(failure(ctx, unresolved, "Copy")).toContain(
      "depends on a value accesslab cannot know: dynamic reference `{{resolve:secretsmanager:corp/db::password}}`",
    );
  });

  it("resolves again only when a stack update changes the resource that holds the reference", () => {
    const ctx = cfnTestContext();
    const secret = existingSecret(ctx, "corp/db", '{"pw":"first"}');
    const body = (description: string, other = "") => `Resources:
  Copy:
    Type: AWS::SecretsManager::Secret
    Properties:
      Description: ${description}
      SecretString: "{{resolve:secretsmanager:corp/db::pw}}"
${other}`;
    const stack = deployBody(ctx, "app", body("one"));
    const copyArn = () =>
      findStack(ctx, "app")?.resources.find((r) => r.logicalId === "Copy")?.physicalId ?? "";
    expect(secretValueOf(ctx, copyArn())).toBe("first");
    putSecretValue(ctx, secret, { SecretString: '{"pw":"second"}' });
    const other =
      "  Other:\n    Type: AWS::SecretsManager::Secret\n    Properties: { SecretString: y }\n";
    expect(updateBody(ctx, "app", body("one", other)).status).toBe("UPDATE_COMPLETE");
    expect(secretValueOf(ctx, copyArn())).toBe("first");
    expect(updateBody(ctx, "app", body("two", other)).status).toBe("UPDATE_COMPLETE");
    expect(secretValueOf(ctx, copyArn())).toBe("second");
    expect(stack.stackId).toBe(findStack(ctx, "app")?.stackId);
  });
});

describe("keepingValuesOut", () => {
  it("replaces every resolved value in a thrown message, longest first", () => {
    const error = (() => {
      try {
        return keepingValuesOut(["abc", "abcdef"], () => {
          throw new Error("bad abcdef and abc");
        });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error.message).toBe(`bad ${REDACTED} and ${REDACTED}`);
    expect(keepingValuesOut(["x"], () => "x")).toBe("x");
  });
});
