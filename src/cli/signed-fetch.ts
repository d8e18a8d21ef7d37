/**
 * The command line's one signed call to an accesslab server (or any AWS
 * endpoint): SigV4 with the credentials in AWS_ACCESS_KEY_ID,
 * AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN (the bootstrap `test`/`test`
 * without them) for the region in AWS_REGION or AWS_DEFAULT_REGION
 * (us-east-1 without), then the request (a POST unless told otherwise). A
 * server that does not answer is a
 * `CliError` that says what to start.
 */
import { SignatureV4 } from "@smithy/signature-v4";
import { Sha256 } from "../protocol/sha256.js";
import { DEFAULT_REGION } from "../services/context.js";
import { CliError } from "./cli-error.js";

/**
 * `path` on the server `endpoint` (the endpoint itself without one), or a
 * `CliError` for an endpoint that is not a URL.
 *
 * @example
 * endpointUrl("http://127.0.0.1:4566", "/").href; // "http://127.0.0.1:4566/"
 */
export function endpointUrl(endpoint: string, path?: string): URL {
  try {
    return path === undefined ? new URL(endpoint) : new URL(path, endpoint);
  } catch {
    throw new CliError(
      `invalid --endpoint \`${endpoint}\`: expected a URL such as http://127.0.0.1:4566`,
    );
  }
}

/** One request to sign and send. */
export interface SignedPost {
  /** `POST` unless given. */
  readonly method?: "POST" | "PUT";
  /** The server, as the user gave it (for messages). */
  readonly endpoint: string;
  readonly url: URL;
  /** The signing name of the service, e.g. `lambda`, `ecs`, `cloudformation`. */
  readonly service: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** What to do when nothing answers, e.g. "start `accesslab serve` first". */
  readonly hint: string;
}

/**
 * Signs and sends `request`; answers the response, whatever its status.
 *
 * @example
 * const response = await signedPost({ endpoint, url, service: "ecs", headers, body, hint: "start `accesslab serve` first" });
 */
export async function signedPost(request: SignedPost): Promise<Response> {
  const { url, body } = request;
  const token = process.env.AWS_SESSION_TOKEN;
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? "test",
      secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? "test",
      ...(token ? { sessionToken: token } : {}),
    },
    region: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? DEFAULT_REGION,
    service: request.service,
    sha256: Sha256,
  });
  const method = request.method ?? "POST";
  const signed = await signer.sign({
    method,
    protocol: url.protocol,
    hostname: url.hostname,
    ...(url.port ? { port: Number(url.port) } : {}),
    path: url.pathname || "/",
    query: {},
    headers: { host: url.host, ...request.headers },
    body,
  });
  try {
    return await fetch(url, { method, headers: signed.headers, body });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new CliError(`cannot reach \`${request.endpoint}\` (${cause}): ${request.hint}`);
  }
}
