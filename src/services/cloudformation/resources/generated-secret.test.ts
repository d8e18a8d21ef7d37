import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PropertyReader } from "../properties.js";
import { generatedSecretString } from "./generated-secret.js";

const random = (n: number) => new Uint8Array(randomBytes(n));
const spec = (props: Record<string, string | number | boolean>) =>
  new PropertyReader("JoinSecret", props);

describe("generatedSecretString", () => {
  it("puts the password under GenerateStringKey in the template's object", () => {
    const value = generatedSecretString(
      spec({
        SecretStringTemplate: '{"username":"fsx-join"}',
        GenerateStringKey: "password",
        PasswordLength: 24,
        ExcludeCharacters: '"@/\\',
      }),
      random,
    );
    const parsed = JSON.parse(value) as Record<string, string>;
    expect(parsed.username).toBe("fsx-join");
    expect(parsed.password).toHaveLength(24);
    expect(parsed.password).not.toMatch(/["@/\\]/);
  });

  it("answers the bare password without a template", () => {
    expect(generatedSecretString(spec({ ExcludePunctuation: true }), random)).toMatch(
      /^[A-Za-z0-9]{32}$/,
    );
  });

  it("fails the resource with CloudFormation's validation wording", () => {
    expect(() => generatedSecretString(spec({ SecretStringTemplate: '{"a":1}' }), random)).toThrow(
      "Properties validation failed for resource JoinSecret with message: #/GenerateSecretString: SecretStringTemplate and GenerateStringKey must be given together",
    );
    expect(() =>
      generatedSecretString(spec({ SecretStringTemplate: "[1]", GenerateStringKey: "k" }), random),
    ).toThrow("SecretStringTemplate must be a JSON object");
    expect(() =>
      generatedSecretString(spec({ SecretStringTemplate: "{", GenerateStringKey: "k" }), random),
    ).toThrow("SecretStringTemplate is not valid JSON");
    expect(() => generatedSecretString(spec({ PasswordLength: 2 }), random)).toThrow(
      "PasswordLength 2 is too short to include each of 4 character types",
    );
  });
});
