import { describe, expect, it } from "vitest";
import {
  type DynamicReferenceMatch,
  dynamicReferencesIn,
  parseSecretsManagerReference,
  VERSION_STAGE_WITH_VERSION_ID_ACCEPTED,
} from "./dynamic-references-parse.js";

const ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:corp/db-a1B2c3";
const VERSION = "EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE";

function only(text: string): DynamicReferenceMatch {
  const found = dynamicReferencesIn(text);
  expect(found).toHaveLength(1);
  return found[0] as DynamicReferenceMatch;
}

const parse = (text: string) => parseSecretsManagerReference(only(text));

describe("dynamicReferencesIn", () => {
  it("finds every reference of the three services with where it starts", () => {
    const text =
      "u={{resolve:ssm:/app/user}};p={{resolve:secretsmanager:db::pw}};k={{resolve:ssm-secure:/k:2}}";
    const found = dynamicReferencesIn(text);
    expect(found.map((r) => [r.service, r.body, r.start])).toEqual([
      ["ssm", "/app/user", 2],
      ["secretsmanager", "db::pw", 30],
      ["ssm-secure", "/k:2", 66],
    ]);
    for (const r of found) expect(text.slice(r.start, r.start + r.whole.length)).toBe(r.whole);
  });

  it("ignores other services and plain braces", () => {
    expect(dynamicReferencesIn("{{resolve:other:x}} {{ name }} ${AWS::Region}")).toEqual([]);
  });
});

describe("parseSecretsManagerReference", () => {
  it("reads a name alone as the whole SecretString of AWSCURRENT", () => {
    expect(parse("{{resolve:secretsmanager:MySecret}}")).toEqual({ secretId: "MySecret" });
    expect(parse("{{resolve:secretsmanager:MySecret:SecretString}}")).toEqual({
      secretId: "MySecret",
    });
  });

  it("reads a json-key with or without the SecretString segment", () => {
    expect(parse("{{resolve:secretsmanager:MySecret::password}}")).toEqual({
      secretId: "MySecret",
      jsonKey: "password",
    });
    expect(parse("{{resolve:secretsmanager:app/db:SecretString:password}}")).toEqual({
      secretId: "app/db",
      jsonKey: "password",
    });
  });

  it("reads a version stage and a version id, and empty segments as absent", () => {
    expect(parse("{{resolve:secretsmanager:MySecret:SecretString:password:AWSPREVIOUS}}")).toEqual({
      secretId: "MySecret",
      jsonKey: "password",
      versionStage: "AWSPREVIOUS",
    });
    expect(parse(`{{resolve:secretsmanager:MySecret:SecretString:password::${VERSION}}}`)).toEqual({
      secretId: "MySecret",
      jsonKey: "password",
      versionId: VERSION,
    });
    expect(parse("{{resolve:secretsmanager:MySecret:SecretString::AWSPENDING}}")).toEqual({
      secretId: "MySecret",
      versionStage: "AWSPENDING",
    });
    expect(parse("{{resolve:secretsmanager:MySecret::::}}")).toEqual({ secretId: "MySecret" });
  });

  it("keeps a full ARN's own colons in the secret id", () => {
    expect(parse(`{{resolve:secretsmanager:${ARN}}}`)).toEqual({ secretId: ARN });
    expect(parse(`{{resolve:secretsmanager:${ARN}:SecretString:password:AWSCURRENT}}`)).toEqual({
      secretId: ARN,
      jsonKey: "password",
      versionStage: "AWSCURRENT",
    });
  });

  it("treats a version stage with a version id as the named constant says", () => {
    const both = parse(`{{resolve:secretsmanager:db:SecretString:pw:AWSCURRENT:${VERSION}}}`);
    if (VERSION_STAGE_WITH_VERSION_ID_ACCEPTED)
      expect(both).toEqual({
        secretId: "db",
        jsonKey: "pw",
        versionStage: "AWSCURRENT",
        versionId: VERSION,
      });
    else expect(both).toMatchObject({ problem: "give version-stage or version-id, not both" });
  });

  it("says where a malformed reference goes wrong, counting characters of the whole string", () => {
    const cases: [string, string, number][] = [
      ["{{resolve:secretsmanager}}", "needs a secret id", 25],
      ["x={{resolve:secretsmanager:}}", "needs a secret id", 28],
      ["{{resolve:secretsmanager::SecretString:pw}}", "the secret id is empty", 26],
      [
        "{{resolve:secretsmanager:db:SecretBinary}}",
        "must be `SecretString` (or empty), not `SecretBinary`",
        29,
      ],
      [
        "{{resolve:secretsmanager:db:SecretString:pw:AWSCURRENT:v1:extra}}",
        "too many segments",
        59,
      ],
      ["{{resolve:secretsmanager:arn:aws:s3:::bucket:x:y}}", "is not a secret ARN", 26],
    ];
    for (const [text, problem, character] of cases) {
      const got = parse(text);
      expect(got, text).toMatchObject({ problem: expect.stringContaining(problem), character });
    }
  });

  it("points at the offending segment of a reference embedded in a longer string", () => {
    const text = "user=x;pass={{resolve:secretsmanager:db:Secret:pw}}";
    const got = parse(text);
    expect(got).toMatchObject({ character: text.indexOf("Secret:pw") + 1 });
  });
});
