/**
 * The environment an instance's process starts with, as Lambda builds it:
 * the defaults a function may override (`PATH`, `LANG`, `TZ=:UTC`,
 * `NODE_PATH`, `HOME`), then the function's own variables, then the
 * variables Lambda reserves (function name, version, memory, log group and
 * stream, region, task root, handler, execution environment, the execution
 * role's session credentials), which a function cannot override. Three are
 * accesslab's own: `AWS_ENDPOINT_URL` points every AWS SDK inside the
 * function at accesslab; `NODE_PATH` lists accesslab's `node_modules` (in
 * place of the runtime's bundled SDK, for `require`) then the task root;
 * `HOME` stands in for the sandbox user's passwd entry (see
 * `SANDBOX_HOME`). Nothing else of accesslab's environment leaks in but
 * `PATH`.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { delimiter } from "node:path";
import type { RoleCredentials } from "../../services/lambda/invoke-port.js";
import type { LambdaFunction } from "../../services/lambda/model.js";
import { SANDBOX_HOME } from "./assumptions.js";

/** What the environment is built from besides the function. */
export interface EnvironmentInput {
  readonly fn: LambdaFunction;
  readonly region: string;
  readonly taskRoot: string;
  /** accesslab's endpoint, e.g. `http://127.0.0.1:4566`. */
  readonly endpoint: string;
  readonly credentials: RoleCredentials;
  readonly logStreamName: string;
  /** Directories of the runtime itself (`LAMBDA_RUNTIME_DIR`). */
  readonly runtimeDir: string;
}

/**
 * The instance's environment.
 *
 * @example
 * lambdaEnvironment({ fn, region: "us-east-1", taskRoot, endpoint, credentials, logStreamName, runtimeDir }).AWS_LAMBDA_FUNCTION_NAME; // fn.functionName
 */
export function lambdaEnvironment(input: EnvironmentInput): Record<string, string> {
  const { fn, credentials } = input;
  return {
    PATH: process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin",
    HOME: SANDBOX_HOME,
    LANG: "en_US.UTF-8",
    TZ: ":UTC",
    NODE_PATH: [...accesslabModules(), input.taskRoot].join(delimiter),
    ...(fn.environment ?? {}),
    _HANDLER: fn.handler ?? "",
    AWS_EXECUTION_ENV: `AWS_Lambda_${fn.runtime ?? "nodejs"}`,
    AWS_LAMBDA_FUNCTION_NAME: fn.functionName,
    AWS_LAMBDA_FUNCTION_VERSION: "$LATEST",
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize),
    AWS_LAMBDA_LOG_GROUP_NAME: logGroupName(fn.functionName),
    AWS_LAMBDA_LOG_STREAM_NAME: input.logStreamName,
    AWS_LAMBDA_INITIALIZATION_TYPE: "on-demand",
    AWS_REGION: input.region,
    AWS_DEFAULT_REGION: input.region,
    LAMBDA_TASK_ROOT: input.taskRoot,
    LAMBDA_RUNTIME_DIR: input.runtimeDir,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_ACCESS_KEY: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_SESSION_TOKEN: credentials.sessionToken,
    AWS_ENDPOINT_URL: input.endpoint,
  };
}

/**
 * A function's log group, as Lambda names it.
 *
 * @example
 * logGroupName("app"); // "/aws/lambda/app"
 */
export function logGroupName(functionName: string): string {
  return `/aws/lambda/${functionName}`;
}

/**
 * A new instance's log stream name: `YYYY/MM/DD/[$LATEST]` and 32 hex digits.
 *
 * @example
 * logStreamName(new Date(0), "0".repeat(32)); // "1970/01/01/[$LATEST]000…"
 */
export function logStreamName(now: Date, hex: string): string {
  const day = now.toISOString().slice(0, 10).replace(/-/g, "/");
  return `${day}/[$LATEST]${hex}`;
}

/** The node_modules directories accesslab itself resolves packages from. */
function accesslabModules(): string[] {
  const paths = createRequire(import.meta.url).resolve.paths("@aws-sdk/client-sts") ?? [];
  return paths.filter((path) => existsSync(path));
}
