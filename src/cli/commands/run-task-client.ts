/**
 * The ECS calls `accesslab run-task` makes: JSON 1.1 requests
 * (`X-Amz-Target: AmazonEC2ContainerServiceV20141113.<Operation>`) to a
 * running `accesslab serve`, signed with SigV4 as the credentials in
 * AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN (the
 * bootstrap `test`/`test` without them). An unreachable server and an ECS
 * error both become one-line `CliError`s with ECS's code and message.
 */
import { CliError } from "../cli-error.js";
import { signedPost } from "../signed-fetch.js";

/** An ECS error answer. */
export class EcsCallError extends CliError {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Calls one ECS operation and returns its parsed answer.
 *
 * @example
 * const answer = await callEcs("http://127.0.0.1:4566", "ListTasks", {});
 */
export async function callEcs(
  endpoint: string,
  operation: string,
  input: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  let url: URL;
  try {
    url = new URL("/", endpoint);
  } catch {
    throw new CliError(
      `invalid --endpoint \`${endpoint}\`: expected a URL such as http://127.0.0.1:4566`,
    );
  }
  const body = JSON.stringify(input);
  const response = await signedPost({
    endpoint,
    url,
    service: "ecs",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": `AmazonEC2ContainerServiceV20141113.${operation}`,
    },
    body,
    hint: "start `accesslab serve` first",
  });
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
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
    throw new EcsCallError(code, `${operation} refused: ${code}: ${message}`);
  }
  return parsed;
}
