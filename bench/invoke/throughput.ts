/**
 * Invocations per second with a few concurrent clients: a SigV4-signed
 * Invoke request (rest-json `POST /2015-03-31/functions/NAME/invocations`)
 * is replayed by the serve bench's raw-socket load generator over N
 * keep-alive connections, so the client costs almost nothing and the
 * number measures accesslab and the function instances (one per
 * concurrent invocation, as Lambda scales). A 1 s untimed run first starts
 * the instances. The generator counts non-2xx answers; a handler error
 * (200 with `X-Amz-Function-Error`) is not seen there, which is why the
 * handlers were checked with the SDK before.
 */
import { type LoadResult, runLoad } from "../serve/load-generator.js";
import { signedRequest } from "../serve/signed-request.js";
import type { ClientConfig } from "./setup.js";

/**
 * Drives `functionName` with `event` from `connections` clients for `durationMs`.
 *
 * @example
 * const r = await measureThroughput(config, 4566, "bench-noop", {}, 4, 5000);
 */
export async function measureThroughput(
  config: ClientConfig,
  port: number,
  functionName: string,
  event: unknown,
  connections: number,
  durationMs: number,
): Promise<LoadResult> {
  const request = await signedRequest("127.0.0.1", port, config.credentials, {
    method: "POST",
    path: `/2015-03-31/functions/${encodeURIComponent(functionName)}/invocations`,
    service: "lambda",
    headers: { "content-type": "application/octet-stream" },
    body: JSON.stringify(event),
  });
  const base = { host: "127.0.0.1", port, request, connections };
  await runLoad({ ...base, durationMs: 1_000 });
  return runLoad({ ...base, durationMs });
}
