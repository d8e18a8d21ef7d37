/**
 * Verifies a SigV4-signed request: parse the `Authorization` header, look
 * the access key up through a callback, check the session token and its
 * expiry, the clock skew (15 minutes either way, against an injected clock),
 * the body hash, then recompute the signature with `@smithy/signature-v4`
 * (the signer the JS SDK itself uses, so canonicalisation cannot drift) over
 * exactly the headers the client signed, and compare in constant time.
 * Failures come back as values carrying the code of the service family
 * (see `sigv4-errors.ts`). Presigned URLs (`X-Amz-Signature` in the query)
 * are not accepted yet.
 */
import { timingSafeEqual } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import type { ProtocolError } from "./errors.js";
import type { HttpRequest } from "./http-request.js";
import { Sha256, sha256Hex } from "./sha256.js";
import { type AuthDialect, type SigV4Failure, sigv4Error } from "./sigv4-errors.js";
import { parseAuthorization } from "./sigv4-header.js";

/** A key the server knows. */
export interface SigningKey {
  readonly secretAccessKey: string;
  /** Present for session credentials: the request must carry this token. */
  readonly sessionToken?: string;
  /** When session credentials stop working. */
  readonly expiration?: Date;
}

/** How to verify: key lookup, clock, and which family's error codes. */
export interface VerifyOptions {
  readonly lookup: (accessKeyId: string) => SigningKey | undefined;
  readonly now: () => Date;
  /** Error codes to answer with; `query` when not given. */
  readonly dialect?: AuthDialect;
}

/** The outcome of a check. */
export type VerifyResult =
  | { ok: true; accessKeyId: string; region: string; service: string }
  | { ok: false; error: ProtocolError };

const MAX_SKEW_MS = 15 * 60 * 1000;
const UNSIGNED = /^(UNSIGNED-PAYLOAD|STREAMING-.*)$/;

/**
 * Verifies the SigV4 signature of `request`.
 *
 * @example
 * const result = await verifySigV4(request, {
 *   lookup: (id) => (id === "test" ? { secretAccessKey: "test" } : undefined),
 *   now: () => new Date(),
 * });
 * if (!result.ok) return renderError(result.error, target);
 */
export async function verifySigV4(
  request: HttpRequest,
  options: VerifyOptions,
): Promise<VerifyResult> {
  const dialect = options.dialect ?? "query";
  const fail = (failure: SigV4Failure, message?: string): VerifyResult => ({
    ok: false,
    error: sigv4Error(failure, dialect, message),
  });
  const header = request.headers.authorization;
  if (header === undefined) return fail("missing");
  const parsed = parseAuthorization(header);
  if (!parsed.ok) return fail("incomplete", parsed.message);
  const { scope, signedHeaders, signature } = parsed.value;
  const amzDate = request.headers["x-amz-date"];
  const signedAt = amzDate === undefined ? undefined : parseAmzDate(amzDate);
  if (amzDate === undefined || !signedHeaders.includes("x-amz-date")) {
    return fail(
      "incomplete",
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    );
  }
  if (signedAt === undefined) return fail("incomplete", `Invalid X-Amz-Date: '${amzDate}'`);

  const key = options.lookup(scope.accessKeyId);
  if (key === undefined) return fail("unknownKey");
  const now = options.now();
  const token = request.headers["x-amz-security-token"];
  if (key.sessionToken !== undefined || token !== undefined) {
    if (key.sessionToken === undefined || token === undefined) return fail("badToken");
    if (!sameText(token, key.sessionToken)) return fail("badToken");
    if (!signedHeaders.includes("x-amz-security-token")) return fail("badSignature");
    if (key.expiration !== undefined && key.expiration.getTime() <= now.getTime()) {
      return fail("expiredToken");
    }
  }

  const skewed = skewMessage(signedAt, amzDate, now);
  if (skewed !== undefined) return fail("skewed", skewed);
  if (amzDate.slice(0, 8) !== scope.date) return fail("badSignature");
  const contentHash = request.headers["x-amz-content-sha256"];
  if (
    contentHash !== undefined &&
    !UNSIGNED.test(contentHash) &&
    contentHash !== sha256Hex(request.body)
  ) {
    return fail("badSignature");
  }

  const expected = await computeSignature(request, signedHeaders, signedAt, scope, key, token);
  if (expected === undefined || !sameText(expected, signature)) return fail("badSignature");
  return { ok: true, accessKeyId: scope.accessKeyId, region: scope.region, service: scope.service };
}

async function computeSignature(
  request: HttpRequest,
  signedHeaders: readonly string[],
  signingDate: Date,
  scope: { accessKeyId: string; region: string; service: string },
  key: SigningKey,
  token: string | undefined,
): Promise<string | undefined> {
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = request.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: scope.accessKeyId,
      secretAccessKey: key.secretAccessKey,
      ...(token === undefined ? {} : { sessionToken: token }),
    },
    region: scope.region,
    service: scope.service,
    sha256: Sha256,
    uriEscapePath: scope.service !== "s3",
    applyChecksum: false,
  });
  const host = headers.host ?? "";
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: "http:",
      hostname: host.replace(/:\d+$/, ""),
      path: request.signedPath ?? request.path,
      query: request.query,
      headers,
      body: request.body,
    },
    { signingDate, signableHeaders: new Set(signedHeaders) },
  );
  const authorization = signed.headers.authorization ?? "";
  return /Signature=([0-9a-f]{64})/.exec(authorization)?.[1];
}

/** `20240101T120000Z` as a date; `undefined` when malformed. */
function parseAmzDate(text: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (m === null) return undefined;
  const time = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
  return Number.isNaN(time) ? undefined : new Date(time);
}

function formatAmzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** AWS's message when the signing time is more than 15 minutes away. */
function skewMessage(signedAt: Date, amzDate: string, now: Date): string | undefined {
  const delta = signedAt.getTime() - now.getTime();
  if (delta < -MAX_SKEW_MS) {
    const bound = formatAmzDate(new Date(now.getTime() - MAX_SKEW_MS));
    return `Signature expired: ${amzDate} is now earlier than ${bound} (${formatAmzDate(now)} - 15 min.)`;
  }
  if (delta > MAX_SKEW_MS) {
    const bound = formatAmzDate(new Date(now.getTime() + MAX_SKEW_MS));
    return `Signature not yet current: ${amzDate} is still later than ${bound} (${formatAmzDate(now)} + 15 min.)`;
  }
  return undefined;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}
