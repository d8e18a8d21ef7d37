import { describe, expect, it } from "vitest";
import { symbolic } from "../templates/cfn/symbolic.js";
import type { DeployableResource, ResolvedValue } from "../templates/model.js";
import { withKnownSecretValue } from "./unknown-secret-value.js";

const resource = (
  type: string,
  properties: { readonly [key: string]: ResolvedValue },
): DeployableResource => ({
  logicalId: "Secret",
  type,
  dependsOn: ["Other"],
  file: "t.yaml",
  position: { line: 3, column: 3 },
  properties: () => properties,
  positionOf: (path) => ({ line: 4 + path.length, column: 5 }),
});

const reference = symbolic("dynamic reference `{{resolve:secretsmanager:x:SecretString:p}}`");

describe("withKnownSecretValue", () => {
  it("stands in for a secret's unknowable SecretString and keeps every other property", () => {
    const secret = withKnownSecretValue(
      resource("AWS::SecretsManager::Secret", { Name: "smb/file-share", SecretString: reference }),
    );
    const properties = secret.properties(() => undefined);
    expect(typeof properties.SecretString).toBe("string");
    expect(properties.SecretString).not.toContain("resolve");
    expect(properties.Name).toBe("smb/file-share");
    expect(secret.dependsOn).toEqual(["Other"]);
    expect(secret.positionOf(["SecretString"])).toEqual({ line: 5, column: 5 });
  });

  it("leaves a known SecretString, another unknowable property and other types as they are", () => {
    const known = resource("AWS::SecretsManager::Secret", { SecretString: "{}" });
    expect(withKnownSecretValue(known).properties(() => undefined)).toEqual({ SecretString: "{}" });
    const name = resource("AWS::SecretsManager::Secret", { Name: reference });
    expect(withKnownSecretValue(name).properties(() => undefined).Name).toBe(reference);
    const other = resource("AWS::SSM::Parameter", { SecretString: reference });
    expect(withKnownSecretValue(other)).toBe(other);
  });
});
