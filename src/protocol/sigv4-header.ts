/**
 * Parsing of the SigV4 `Authorization` header, kept apart from verification
 * so the router can read the credential scope (which service the client
 * signed for) without checking anything. Parse errors are plain messages;
 * the verifier turns them into `IncompleteSignature`.
 */

/** The credential scope: `AKID/20240101/us-east-1/sts/aws4_request`. */
export interface CredentialScope {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
}

/** A parsed `Authorization: AWS4-HMAC-SHA256 …` header. */
export interface SigV4Authorization {
  readonly scope: CredentialScope;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

const ALGORITHM = "AWS4-HMAC-SHA256";

/**
 * Parses an `Authorization` header value.
 *
 * @example
 * parseAuthorization("AWS4-HMAC-SHA256 Credential=AK/20240101/us-east-1/sts/aws4_request, " +
 *   "SignedHeaders=host;x-amz-date, Signature=ab12…");
 * // { ok: true, value: { scope: { accessKeyId: "AK", service: "sts", … }, … } }
 */
export function parseAuthorization(
  header: string,
): { ok: true; value: SigV4Authorization } | { ok: false; message: string } {
  const trimmed = header.trim();
  const space = trimmed.indexOf(" ");
  const algorithm = space < 0 ? trimmed : trimmed.slice(0, space);
  if (algorithm !== ALGORITHM) {
    return { ok: false, message: `Unsupported AWS 'algorithm': '${algorithm}'` };
  }
  const parts = new Map<string, string>();
  for (const part of trimmed.slice(space + 1).split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) parts.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const missing = ["Credential", "Signature", "SignedHeaders"]
    .filter((name) => !parts.get(name))
    .map((name) => `Authorization header requires '${name}' parameter.`);
  if (missing.length > 0) return { ok: false, message: missing.join(" ") };
  const credential = parts.get("Credential") ?? "";
  const fields = credential.split("/");
  const [accessKeyId, date, region, service, terminator] = fields;
  if (
    fields.length !== 5 ||
    !accessKeyId ||
    !date ||
    !/^\d{8}$/.test(date) ||
    !region ||
    !service ||
    terminator !== "aws4_request"
  ) {
    return {
      ok: false,
      message: `Credential should be scoped to a valid region, not a malformed credential: '${credential}'`,
    };
  }
  const signature = parts.get("Signature") ?? "";
  if (!/^[0-9a-f]{64}$/.test(signature)) {
    return { ok: false, message: "Signature should be 64 lowercase hexadecimal characters." };
  }
  const signedHeaders = (parts.get("SignedHeaders") ?? "").split(";").filter((h) => h !== "");
  return {
    ok: true,
    value: { scope: { accessKeyId, date, region, service }, signedHeaders, signature },
  };
}

/**
 * The credential scope of a request, unverified, for routing; `undefined`
 * when there is no well-formed SigV4 `Authorization` header.
 *
 * @example
 * parseCredentialScope({ authorization: "AWS4-HMAC-SHA256 Credential=AK/20240101/us-east-1/elasticfilesystem/aws4_request, …" })?.service;
 * // "elasticfilesystem"
 */
export function parseCredentialScope(headers: Record<string, string>): CredentialScope | undefined {
  const header = headers.authorization;
  if (header === undefined) return undefined;
  const parsed = parseAuthorization(header);
  return parsed.ok ? parsed.value.scope : undefined;
}
