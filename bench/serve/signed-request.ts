/**
 * Pre-signed raw HTTP requests for the load generator: a request is signed
 * once with SigV4 (valid for 15 minutes, longer than any run) and replayed,
 * so the server verifies a real signature on every call while the client
 * spends nothing on signing.
 */
import { SignatureV4 } from "@smithy/signature-v4";
import { Sha256 } from "../../src/protocol/sha256.js";

/** What to sign. */
export interface RequestSpec {
  readonly method: string;
  readonly path: string;
  readonly query?: Record<string, string>;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** The SigV4 signing name (`secretsmanager`, `elasticfilesystem`, `sts`, …). */
  readonly service: string;
}

/**
 * Signs `spec` for `host:port` and serializes it as HTTP/1.1 bytes.
 *
 * @example
 * const bytes = await signedRequest("127.0.0.1", 4566, creds, { method: "POST", path: "/", service: "sts", body });
 */
export async function signedRequest(
  host: string,
  port: number,
  credentials: { accessKeyId: string; secretAccessKey: string },
  spec: RequestSpec,
): Promise<Buffer> {
  const body = spec.body ?? "";
  const signer = new SignatureV4({
    service: spec.service,
    region: "us-east-1",
    credentials,
    sha256: Sha256,
  });
  const signed = await signer.sign({
    method: spec.method,
    protocol: "http:",
    hostname: host,
    port,
    path: spec.path,
    query: spec.query ?? {},
    headers: { ...spec.headers, host: `${host}:${port}` },
    body,
  });
  const query = new URLSearchParams(spec.query ?? {}).toString();
  const lines = [`${spec.method} ${spec.path}${query ? `?${query}` : ""} HTTP/1.1`];
  for (const [name, value] of Object.entries(signed.headers)) lines.push(`${name}: ${value}`);
  lines.push("connection: keep-alive", `content-length: ${Buffer.byteLength(body)}`);
  return Buffer.from(`${lines.join("\r\n")}\r\n\r\n${body}`);
}
