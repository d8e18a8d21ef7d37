/**
 * The ECS calls `accesslab run-task` makes: JSON 1.1 requests
 * (`X-Amz-Target: AmazonEC2ContainerServiceV20141113.<Operation>`) to a
 * running `accesslab serve` through `callJson`, signed with SigV4 as the
 * credentials in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY /
 * AWS_SESSION_TOKEN (the bootstrap `test`/`test` without them). An
 * unreachable server and an ECS error both become one-line `CliError`s with
 * ECS's code and message.
 */
import { callJson } from "../json-call.js";

/**
 * Calls one ECS operation and returns its parsed answer.
 *
 * @example
 * const answer = await callEcs("http://127.0.0.1:4566", "ListTasks", {});
 */
export function callEcs(
  endpoint: string,
  operation: string,
  input: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  return callJson({
    endpoint,
    service: "ecs",
    target: "AmazonEC2ContainerServiceV20141113",
    operation,
    input,
  });
}
