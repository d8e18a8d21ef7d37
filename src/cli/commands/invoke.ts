/**
 * `accesslab invoke FUNCTION [--payload JSON|@file] [--log]`: Lambda
 * Invoke on a running `accesslab serve` (`--endpoint`, 127.0.0.1:4566 by
 * default), signed with SigV4 as the credentials in AWS_ACCESS_KEY_ID /
 * AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN (the bootstrap `test`/`test`
 * without them). It prints the function's payload on stdout, and with
 * `--log` the invocation's log tail on stderr; it exits 1 when the function
 * failed (`X-Amz-Function-Error`), and 2 with the service's code and
 * message when Lambda refused the call.
 */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { CliError } from "../cli-error.js";
import { endpointUrl, signedPost } from "../signed-fetch.js";
import { DEFAULT_ENDPOINT } from "./deploy.js";

/** Exit code when the function itself failed. */
export const EXIT_FUNCTION_ERROR = 1;

interface InvokeOptions {
  readonly payload?: string;
  readonly endpoint?: string;
  readonly log?: boolean;
  readonly invocationType: string;
}

/** What an Invoke call answered. */
export interface InvokeAnswer {
  readonly status: number;
  readonly payload: string;
  readonly functionError?: string;
  /** The decoded log tail, when asked. */
  readonly log?: string;
}

/**
 * Registers the `invoke` command on `program`.
 *
 * @example
 * registerInvoke(new Command()); // adds `invoke FUNCTION`
 */
export function registerInvoke(program: Command): void {
  program
    .command("invoke")
    .description("invoke a Lambda function on a running `accesslab serve` and print its payload")
    .argument("<function>", "function name or ARN")
    .option("--payload <json>", "the event: JSON text, or @file to read it from a file")
    .option("--endpoint <url>", `server to call (default ${DEFAULT_ENDPOINT})`)
    .option("--log", "print the invocation's log tail on stderr")
    .option("--invocation-type <type>", "RequestResponse, Event or DryRun", "RequestResponse")
    .action(async (name: string, options: InvokeOptions) => {
      const answer = await invoke(name, options);
      if (answer.payload !== "") process.stdout.write(`${answer.payload}\n`);
      if (answer.log !== undefined) process.stderr.write(answer.log);
      if (answer.functionError !== undefined) process.exitCode = EXIT_FUNCTION_ERROR;
    });
}

/**
 * Calls Invoke and reads the answer; refusals and unreachable servers are `CliError`s.
 *
 * @example
 * const answer = await invoke("hello", { payload: '{"a":1}', invocationType: "RequestResponse" });
 */
export async function invoke(name: string, options: InvokeOptions): Promise<InvokeAnswer> {
  const endpoint = options.endpoint ?? DEFAULT_ENDPOINT;
  const body = payloadText(options.payload);
  const url = endpointUrl(
    endpoint,
    `/2015-03-31/functions/${encodeURIComponent(name)}/invocations`,
  );
  const response = await signedPost({
    endpoint,
    url,
    service: "lambda",
    headers: {
      "content-type": "application/json",
      "x-amz-invocation-type": options.invocationType,
      ...(options.log ? { "x-amz-log-type": "Tail" } : {}),
    },
    body,
    hint: "start `accesslab serve` first",
  });
  const text = await response.text();
  const errorType = response.headers.get("x-amzn-errortype");
  if (errorType !== null || response.status >= 400)
    throw new CliError(`Invoke refused: ${refusal(errorType, text, response.status)}`);
  const functionError = response.headers.get("x-amz-function-error");
  const logResult = response.headers.get("x-amz-log-result");
  return {
    status: response.status,
    payload: text,
    ...(functionError !== null ? { functionError } : {}),
    ...(logResult !== null ? { log: Buffer.from(logResult, "base64").toString("utf8") } : {}),
  };
}

/** `--payload`: JSON text, or `@file`; checked to be JSON before sending. */
function payloadText(option: string | undefined): string {
  if (option === undefined) return "";
  let text = option;
  if (option.startsWith("@")) {
    const file = option.slice(1);
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      throw new CliError(
        `cannot read \`${file}\`: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
  }
  try {
    JSON.parse(text);
  } catch (error) {
    const where = option.startsWith("@") ? `\`${option.slice(1)}\`` : "--payload";
    throw new CliError(`${where} is not valid JSON: ${(error as Error).message}`);
  }
  return text;
}

/** `Code: message` from a rest-json error answer. */
function refusal(errorType: string | null, text: string, status: number): string {
  let message = text;
  try {
    const parsed = JSON.parse(text) as { message?: string; Message?: string };
    message = parsed.message ?? parsed.Message ?? text;
  } catch {
    // not JSON: keep the text
  }
  const code = (errorType ?? `HTTP ${status}`).split(":")[0];
  return `${code}: ${message}`;
}
