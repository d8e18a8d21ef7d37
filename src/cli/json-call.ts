/**
 * The command line's calls to JSON 1.1 services on a running `accesslab
 * serve` (ECS, FSx): `X-Amz-Target: <prefix>.<Operation>`, signed through
 * `signedPost`. The answer is the parsed JSON; an error answer is a
 * {@link ServiceCallError} with the service's code and message, and a body
 * that is not JSON a plain `CliError`.
 */
import { CliError } from "./cli-error.js";
import { endpointUrl, signedPost } from "./signed-fetch.js";

/** An error answer of the service, with its code (`ClientException`, …). */
export class ServiceCallError extends CliError {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** One call. */
export interface JsonCall {
  readonly endpoint: string;
  /** The signing name, e.g. `ecs`. */
  readonly service: string;
  /** The target prefix, e.g. `AmazonEC2ContainerServiceV20141113`. */
  readonly target: string;
  readonly operation: string;
  readonly input: Readonly<Record<string, unknown>>;
}

/**
 * Calls one operation and returns its parsed answer.
 *
 * @example
 * await callJson({ endpoint, service: "ecs", target: "AmazonEC2ContainerServiceV20141113", operation: "ListTasks", input: {} });
 */
export async function callJson(call: JsonCall): Promise<Record<string, unknown>> {
  const { endpoint, operation } = call;
  const response = await signedPost({
    endpoint,
    url: endpointUrl(endpoint, "/"),
    service: call.service,
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": `${call.target}.${operation}`,
    },
    body: JSON.stringify(call.input),
    hint: "start `accesslab serve` first",
  });
  const text = await response.text();
  let parsed: Record<string, unknown>;
  try {
    parsed = text === "" ? {} : (JSON.parse(text) as Record<string, unknown>);
  } catch {
    throw new CliError(
      `${operation}: the server answered ${response.status} with a body that is not JSON`,
    );
  }
  if (response.status >= 400) {
    const code =
      String(parsed.__type ?? `HTTP ${response.status}`)
        .split("#")
        .at(-1) ?? "";
    const message = String(parsed.message ?? parsed.Message ?? "");
    throw new ServiceCallError(code, `${operation} refused: ${code}: ${message}`);
  }
  return parsed;
}
