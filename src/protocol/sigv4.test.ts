/**
 * SigV4 verification against requests signed by the real AWS SDK v3
 * clients (STS and IAM over the query protocol, Secrets Manager over JSON
 * 1.1 with a session token, EFS over rest-json with a query string), then
 * tampered one piece at a time to require AWS's error code for each.
 */
import { DescribeAccessPointsCommand, EFSClient } from "@aws-sdk/client-efs";
import { CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { describe, expect, it } from "vitest";
import type { HttpRequest } from "./http-request.js";
import { alter, captureRequests } from "./sdk-capture.test-support.js";
import { type SigningKey, verifySigV4 } from "./sigv4.js";
import { parseAuthorization, parseCredentialScope } from "./sigv4-header.js";

const endpoint = "http://127.0.0.1:4566";
const keys: Record<string, SigningKey> = {
  AKIDEXAMPLE: { secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
  ASIASESSION: { secretAccessKey: "session-secret", sessionToken: "token-123" },
};
const lookup = (id: string) => keys[id];

async function signedSts(): Promise<HttpRequest> {
  const capture = captureRequests();
  const client = new STSClient({
    region: "eu-west-1",
    endpoint,
    credentials: {
      accessKeyId: "AKIDEXAMPLE",
      secretAccessKey: keys.AKIDEXAMPLE?.secretAccessKey ?? "",
    },
    requestHandler: capture.requestHandler,
    maxAttempts: 1,
  });
  await client.send(new GetCallerIdentityCommand({})).catch(() => undefined);
  const request = capture.requests[0];
  if (request === undefined) throw new Error("nothing captured");
  return request;
}

/** The clock of the signer, read back from the request. */
function signedAt(request: HttpRequest): Date {
  const d = request.headers["x-amz-date"] ?? "";
  return new Date(
    `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${d.slice(9, 11)}:${d.slice(11, 13)}:${d.slice(13, 15)}Z`,
  );
}

const at =
  (request: HttpRequest, offsetMs = 0) =>
  () =>
    new Date(signedAt(request).getTime() + offsetMs);

async function codeOf(request: HttpRequest, options: Parameters<typeof verifySigV4>[1]) {
  const result = await verifySigV4(request, options);
  return result.ok ? "ok" : result.error.code;
}

describe("verifySigV4 with requests signed by the AWS SDK", () => {
  it("accepts an STS request as signed", async () => {
    const request = await signedSts();
    const result = await verifySigV4(request, { lookup, now: at(request, 1000) });
    expect(result).toEqual({
      ok: true,
      accessKeyId: "AKIDEXAMPLE",
      region: "eu-west-1",
      service: "sts",
    });
  });

  it("refuses one changed byte of the body", async () => {
    const request = await signedSts();
    const body = new Uint8Array(request.body);
    body[body.length - 1] = (body[body.length - 1] ?? 0) ^ 1;
    expect(await codeOf(alter(request, { body }), { lookup, now: at(request) })).toBe(
      "SignatureDoesNotMatch",
    );
  });

  it("refuses a changed signed header, a changed path and a changed method", async () => {
    const request = await signedSts();
    const host = alter(request, { headers: { ...request.headers, host: "127.0.0.1:4567" } });
    expect(await codeOf(host, { lookup, now: at(request) })).toBe("SignatureDoesNotMatch");
    expect(await codeOf(alter(request, { path: "/x" }), { lookup, now: at(request) })).toBe(
      "SignatureDoesNotMatch",
    );
    expect(await codeOf(alter(request, { method: "PUT" }), { lookup, now: at(request) })).toBe(
      "SignatureDoesNotMatch",
    );
  });

  it("ignores a change to a header that was not signed", async () => {
    const request = await signedSts();
    const changed = alter(request, { headers: { ...request.headers, "x-unsigned": "1" } });
    expect(await codeOf(changed, { lookup, now: at(request) })).toBe("ok");
  });

  it("refuses a changed date inside the window", async () => {
    const request = await signedSts();
    const later = new Date(signedAt(request).getTime() + 1000);
    const amz = later
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}/, "");
    const changed = alter(request, { headers: { ...request.headers, "x-amz-date": amz } });
    expect(await codeOf(changed, { lookup, now: at(request) })).toBe("SignatureDoesNotMatch");
  });

  it("refuses a wrong secret and an unknown key", async () => {
    const request = await signedSts();
    const wrongSecret = () => ({ secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEz" });
    expect(await codeOf(request, { lookup: wrongSecret, now: at(request) })).toBe(
      "SignatureDoesNotMatch",
    );
    expect(await codeOf(request, { lookup: () => undefined, now: at(request) })).toBe(
      "InvalidClientTokenId",
    );
  });

  it("refuses a clock more than 15 minutes away, either way, with AWS's message", async () => {
    const request = await signedSts();
    const late = await verifySigV4(request, { lookup, now: at(request, 15 * 60_000 + 1000) });
    expect(late.ok).toBe(false);
    if (!late.ok) {
      expect(late.error.code).toBe("SignatureDoesNotMatch");
      expect(late.error.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than/);
    }
    const early = await verifySigV4(request, { lookup, now: at(request, -(15 * 60_000 + 1000)) });
    expect(early.ok ? "ok" : early.error.message).toMatch(/^Signature not yet current/);
    expect(await codeOf(request, { lookup, now: at(request, 14 * 60_000) })).toBe("ok");
    expect(await codeOf(request, { lookup, now: at(request, 16 * 60_000), dialect: "ec2" })).toBe(
      "RequestExpired",
    );
  });

  it("answers a missing or malformed Authorization header", async () => {
    const request = await signedSts();
    const { authorization, ...rest } = request.headers;
    expect(await codeOf(alter(request, { headers: rest }), { lookup, now: at(request) })).toBe(
      "MissingAuthenticationToken",
    );
    const cut = (authorization ?? "").replace(/SignedHeaders=[^,]*, /, "");
    const incomplete = await verifySigV4(
      alter(request, { headers: { ...rest, authorization: cut } }),
      { lookup, now: at(request) },
    );
    expect(incomplete.ok ? "ok" : incomplete.error.code).toBe("IncompleteSignature");
    expect(incomplete.ok ? "" : incomplete.error.message).toContain("'SignedHeaders'");
    const { "x-amz-date": _date, ...noDate } = request.headers;
    expect(await codeOf(alter(request, { headers: noDate }), { lookup, now: at(request) })).toBe(
      "IncompleteSignature",
    );
  });

  it("accepts an IAM CreateRole with tags (form body with many members)", async () => {
    const capture = captureRequests();
    const client = new IAMClient({
      region: "us-east-1",
      endpoint,
      credentials: {
        accessKeyId: "AKIDEXAMPLE",
        secretAccessKey: keys.AKIDEXAMPLE?.secretAccessKey ?? "",
      },
      requestHandler: capture.requestHandler,
      maxAttempts: 1,
    });
    await client
      .send(
        new CreateRoleCommand({
          RoleName: "app role",
          AssumeRolePolicyDocument: '{"Version":"2012-10-17","Statement":[]}',
          Tags: [{ Key: "team", Value: "a&b=c" }],
        }),
      )
      .catch(() => undefined);
    const request = capture.requests[0] as HttpRequest;
    const result = await verifySigV4(request, { lookup, now: at(request) });
    expect(result.ok && result.service).toBe("iam");
  });
});

describe("verifySigV4 with session credentials (Secrets Manager, JSON 1.1)", () => {
  async function signedSecrets(token = "token-123"): Promise<HttpRequest> {
    const capture = captureRequests();
    const client = new SecretsManagerClient({
      region: "us-east-1",
      endpoint,
      credentials: {
        accessKeyId: "ASIASESSION",
        secretAccessKey: "session-secret",
        sessionToken: token,
      },
      requestHandler: capture.requestHandler,
      maxAttempts: 1,
    });
    await client.send(new GetSecretValueCommand({ SecretId: "db" })).catch(() => undefined);
    return capture.requests[0] as HttpRequest;
  }

  it("accepts the right token and answers JSON codes for the wrong ones", async () => {
    const request = await signedSecrets();
    const json = { lookup, dialect: "json" as const, now: at(request) };
    expect(await codeOf(request, json)).toBe("ok");
    const forged = await signedSecrets("token-999");
    expect(await codeOf(forged, { ...json, now: at(forged) })).toBe("UnrecognizedClientException");
    const { "x-amz-security-token": _t, ...noToken } = request.headers;
    expect(await codeOf(alter(request, { headers: noToken }), json)).toBe(
      "UnrecognizedClientException",
    );
    const body = new Uint8Array(Buffer.from('{"SecretId":"db2"}'));
    expect(await codeOf(alter(request, { body }), json)).toBe("InvalidSignatureException");
  });

  it("refuses expired session credentials", async () => {
    const request = await signedSecrets();
    const expired = () => ({
      secretAccessKey: "session-secret",
      sessionToken: "token-123",
      expiration: new Date(signedAt(request).getTime() - 1),
    });
    expect(await codeOf(request, { lookup: expired, now: at(request) })).toBe("ExpiredToken");
  });

  it("refuses a session token sent with a long-term key", async () => {
    const request = await signedSecrets();
    const longTerm = () => ({ secretAccessKey: "session-secret" });
    expect(await codeOf(request, { lookup: longTerm, now: at(request) })).toBe(
      "InvalidClientTokenId",
    );
  });
});

describe("verifySigV4 on rest-json (EFS)", () => {
  it("accepts a GET with a query string, signed as elasticfilesystem", async () => {
    const capture = captureRequests();
    const client = new EFSClient({
      region: "us-east-1",
      endpoint,
      credentials: {
        accessKeyId: "AKIDEXAMPLE",
        secretAccessKey: keys.AKIDEXAMPLE?.secretAccessKey ?? "",
      },
      requestHandler: capture.requestHandler,
      maxAttempts: 1,
    });
    await client
      .send(
        new DescribeAccessPointsCommand({ FileSystemId: "fs-0123456789abcdef0", MaxResults: 5 }),
      )
      .catch(() => undefined);
    const request = capture.requests[0] as HttpRequest;
    expect(request.query).toMatchObject({ FileSystemId: "fs-0123456789abcdef0" });
    const result = await verifySigV4(request, { lookup, now: at(request) });
    expect(result.ok && result.service).toBe("elasticfilesystem");
    const tampered = alter(request, { query: { ...request.query, MaxResults: "6" } });
    expect(await codeOf(tampered, { lookup, now: at(request) })).toBe("SignatureDoesNotMatch");
    expect(parseCredentialScope(request.headers)?.service).toBe("elasticfilesystem");
  });
});

describe("parseAuthorization", () => {
  it("names every missing part and refuses other algorithms", () => {
    expect(parseAuthorization("AWS4-HMAC-SHA256 Credential=a/20240101/r/s/aws4_request")).toEqual({
      ok: false,
      message:
        "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter.",
    });
    expect(parseAuthorization("AWS3 x").ok).toBe(false);
    expect(
      parseAuthorization(
        `AWS4-HMAC-SHA256 Credential=a/2024/r/s/aws4_request, SignedHeaders=host, Signature=${"0".repeat(64)}`,
      ).ok,
    ).toBe(false);
    expect(parseCredentialScope({})).toBeUndefined();
  });
});
