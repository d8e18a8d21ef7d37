/**
 * The environment of a container's main process, in layers: what Docker
 * gives every container (PATH, HOSTNAME, HOME of the container user), what
 * Fargate adds (AWS_REGION, AWS_DEFAULT_REGION, AWS_EXECUTION_ENV), the
 * container's own `environment` (RunTask overrides applied), then the task
 * credentials variables, which the agent sets last. accesslab serves the
 * credentials on loopback, so a task gets
 * `AWS_CONTAINER_CREDENTIALS_FULL_URI` (`http://127.0.0.1:<port>/v2/
 * credentials/<id>`) with `AWS_CONTAINER_AUTHORIZATION_TOKEN`, and no
 * RELATIVE_URI: the SDK for JavaScript v3 prefers RELATIVE_URI when both
 * are set and would then call 169.254.170.2, where nothing answers on this
 * host. `AWS_ENDPOINT_URL` points the SDKs at accesslab, and
 * `AWS_EC2_METADATA_SERVICE_ENDPOINT` at a closed loopback port, so the
 * instance metadata fallback fails at once, as on Fargate where nothing
 * answers at 169.254.169.254. Only the main process gets these variables;
 * whatever resets the environment (`su -`, `sudo`) loses them, as on ECS.
 */
import type { ContainerLaunch, TaskCredentials } from "../../services/ecs/task-port.js";
import { DEFAULT_PATH, EXECUTION_ENV } from "./assumptions.js";

/** What the environment is built from. */
export interface ContainerEnvInput {
  readonly container: ContainerLaunch;
  readonly taskId: string;
  readonly region: string;
  /** accesslab's endpoint, e.g. `http://127.0.0.1:4566`. */
  readonly endpoint: string;
  readonly credentials?: TaskCredentials;
  /** The home directory of the container user. */
  readonly home: string;
  /** A loopback port where nothing listens. */
  readonly closedPort: number;
}

/**
 * The container's environment.
 *
 * @example
 * containerEnvironment({ container, taskId, region: "us-east-1", endpoint, credentials, home: "/root", closedPort: 9 })
 *   .AWS_CONTAINER_CREDENTIALS_FULL_URI; // "http://127.0.0.1:4566/v2/credentials/<id>"
 */
export function containerEnvironment(input: ContainerEnvInput): Record<string, string> {
  const env: Record<string, string> = {
    PATH: DEFAULT_PATH,
    HOSTNAME: `ip-${input.taskId.slice(0, 8)}`,
    HOME: input.home,
    AWS_REGION: input.region,
    AWS_DEFAULT_REGION: input.region,
    AWS_EXECUTION_ENV: EXECUTION_ENV,
    AWS_ENDPOINT_URL: input.endpoint,
    AWS_EC2_METADATA_SERVICE_ENDPOINT: `http://127.0.0.1:${input.closedPort}`,
    ...input.container.environment,
  };
  if (input.credentials) {
    const base = input.endpoint.replace(/\/+$/, "");
    env.AWS_CONTAINER_CREDENTIALS_FULL_URI = `${base}/v2/credentials/${input.credentials.id}`;
    if (input.credentials.authorizationToken !== undefined)
      env.AWS_CONTAINER_AUTHORIZATION_TOKEN = input.credentials.authorizationToken;
  }
  return env;
}
