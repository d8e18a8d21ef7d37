/**
 * Unit tests of the secret lifecycle without a server: ARN format, lookup
 * by name and full or partial ARN, version labels, deletion windows and
 * the end of a recovery window.
 */
import { describe, expect, it } from "vitest";
import { thrown } from "../thrown.test-support.js";
import { secretsTestContext } from "./context.test-support.js";
import { createSecret, readCreateSecret } from "./create-secret.js";
import { deleteSecret, readDeleteSecret } from "./delete-secret.js";
import { SecretsManagerError } from "./errors.js";
import { findSecret } from "./lookup.js";
import { getSecretValue, putSecretValue, requestedStage } from "./secret-versions.js";

function found(ctx: ReturnType<typeof secretsTestContext>, name: string) {
  const secret = findSecret(ctx, name);
  if (secret === undefined) throw new Error(`no secret ${name}`);
  return secret;
}

function create(ctx: ReturnType<typeof secretsTestContext>, name: string, value = "v1") {
  createSecret(ctx, readCreateSecret(ctx, { Name: name, SecretString: value }));
  return found(ctx, name);
}

describe("secrets", () => {
  it("names a secret by ARN with a 6-alphanumeric suffix, found by name, full and partial ARN", () => {
    const ctx = secretsTestContext();
    const secret = create(ctx, "team/db");
    expect(secret.arn).toMatch(
      /^arn:aws:secretsmanager:us-east-1:000000000000:secret:team\/db-[A-Za-z0-9]{6}$/,
    );
    expect(findSecret(ctx, secret.arn)?.name).toBe("team/db");
    expect(findSecret(ctx, secret.arn.slice(0, -7))?.name).toBe("team/db");
    expect(findSecret(ctx, `${secret.arn.slice(0, -6)}AAAAAA`)).toBeUndefined();
    expect(findSecret(ctx, "team")).toBeUndefined();
  });

  it("rejects a bad name, a bad value type and both value kinds", () => {
    const ctx = secretsTestContext();
    expect(thrown(SecretsManagerError, () => readCreateSecret(ctx, { Name: "a b" })).code).toBe(
      "InvalidParameterException",
    );
    expect(
      thrown(SecretsManagerError, () => readCreateSecret(ctx, { Name: "a", SecretString: 5 }))
        .message,
    ).toBe("`SecretString` must be a string, not number");
    expect(
      thrown(SecretsManagerError, () =>
        readCreateSecret(ctx, { Name: "a", SecretString: "x", SecretBinary: "AA==" }),
      ).code,
    ).toBe("InvalidParameterException");
    expect(
      thrown(SecretsManagerError, () => readCreateSecret(ctx, { Name: "a", SecretBinary: "!!" }))
        .message,
    ).toBe("`SecretBinary` must be base64-encoded");
  });

  it("moves labels on PutSecretValue and keeps custom labels apart", () => {
    const ctx = secretsTestContext();
    create(ctx, "db");
    const token = "a".repeat(32);
    putSecretValue(ctx, found(ctx, "db"), {
      SecretString: "pending",
      VersionStages: ["AWSPENDING"],
      ClientRequestToken: token,
    });
    const secret = found(ctx, "db");
    expect(getSecretValue(secret, {})).toMatchObject({ SecretString: "v1" });
    expect(getSecretValue(secret, { VersionStage: "AWSPENDING" })).toMatchObject({
      SecretString: "pending",
      VersionId: token,
    });
    putSecretValue(ctx, secret, { SecretString: "v2" });
    const after = found(ctx, "db");
    expect(getSecretValue(after, {})).toMatchObject({ SecretString: "v2" });
    expect(getSecretValue(after, { VersionStage: "AWSPREVIOUS" })).toMatchObject({
      SecretString: "v1",
    });
    expect(getSecretValue(after, { VersionStage: "AWSPENDING" })).toMatchObject({
      SecretString: "pending",
    });
    expect(requestedStage({})).toBe("AWSCURRENT");
    expect(requestedStage({ VersionId: token })).toBeUndefined();
  });

  it("refuses the value during the recovery window and forgets the secret after it", () => {
    const ctx = secretsTestContext();
    const secret = create(ctx, "db");
    deleteSecret(ctx, secret, readDeleteSecret({ RecoveryWindowInDays: 7 }));
    const scheduled = found(ctx, "db");
    expect(thrown(SecretsManagerError, () => getSecretValue(scheduled, {})).code).toBe(
      "InvalidRequestException",
    );
    expect(
      thrown(SecretsManagerError, () =>
        createSecret(ctx, readCreateSecret(ctx, { Name: "db", SecretString: "x" })),
      ).code,
    ).toBe("InvalidRequestException");
    ctx.now.ms += 7 * 86_400_000;
    expect(findSecret(ctx, "db")).toBeUndefined();
    create(ctx, "db", "reborn");
  });

  it("refuses a recovery window outside 7–30 days and a window with force", () => {
    expect(readDeleteSecret({})).toEqual({ force: false });
    for (const bad of [{ RecoveryWindowInDays: 6 }, { RecoveryWindowInDays: 31 }]) {
      expect(thrown(SecretsManagerError, () => readDeleteSecret(bad)).code).toBe(
        "InvalidParameterException",
      );
    }
    expect(
      thrown(SecretsManagerError, () =>
        readDeleteSecret({ RecoveryWindowInDays: 7, ForceDeleteWithoutRecovery: true }),
      ).message,
    ).toBe("You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
  });
});
