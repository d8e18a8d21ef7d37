/**
 * The environment of a container's main process, in layers: what Docker
 * gives every container (PATH, HOSTNAME, HOME of the container user), what
 * Fargate adds (AWS_REGION, AWS_DEFAULT_REGION, AWS_EXECUTION_ENV), the
 * container's own `environment` (RunTask overrides applied), then the task
 * credentials variables, which the agent sets last. Two deliveries:
 * in a task network (a private network namespace, see `netns/`) the task
 * gets exactly what ECS sets, `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI=
 * /v2/credentials/<id>` answered at 169.254.170.2, with `AWS_ENDPOINT_URL`
 * on the namespace's own 127.0.0.1; on loopback (no namespace) it gets
 * `AWS_CONTAINER_CREDENTIALS_FULL_URI` (`http://127.0.0.1:<port>/v2/
 * credentials/<id>`) with `AWS_CONTAINER_AUTHORIZATION_TOKEN` and no
 * RELATIVE_URI (the SDK would prefer it and call 169.254.170.2, where
 * nothing answers on the host), plus `AWS_EC2_METADATA_SERVICE_ENDPOINT`
 * at a closed loopback port so the instance metadata fallback fails at
 * once, as on Fargate. Only the main process gets these variables;
 * whatever resets the environment (`su -`, `sudo`) loses them, as on ECS.
 */
import type { ContainerLaunch, TaskCredentials } from "../../services/ecs/task-port.js";
import { DEFAULT_PATH, EXECUTION_ENV } from "./assumptions.js";
import { credentialsPath, taskHostname } from "./task-marks.js";

/** How the task reaches accesslab and its credentials. */
export type CredentialsDelivery =
  | {
      /** A private network namespace: RELATIVE_URI at 169.254.170.2. */
      readonly kind: "task-network";
      /** accesslab's API port on the namespace's 127.0.0.1. */
      readonly apiPort: number;
    }
  | {
      /** The host's loopback: FULL_URI with a token. */
      readonly kind: "loopback";
      /** accesslab's endpoint, e.g. `http://127.0.0.1:4566`. */
      readonly endpoint: string;
      /** A loopback port where nothing listens. */
      readonly closedPort: number;
    };

/** What the environment is built from. */
export interface ContainerEnvInput {
  readonly container: ContainerLaunch;
  readonly taskId: string;
  readonly region: string;
  readonly delivery: CredentialsDelivery;
  readonly credentials?: TaskCredentials;
  /** The home directory of the container user. */
  readonly home: string;
}

/**
 * The container's environment.
 *
 * @example
 * containerEnvironment({ container, taskId, region: "us-east-1", delivery: { kind: "task-network", apiPort: 4566 }, credentials, home: "/root" })
 *   .AWS_CONTAINER_CREDENTIALS_RELATIVE_URI; // "/v2/credentials/<id>"
 */
export function containerEnvironment(input: ContainerEnvInput): Record<string, string> {
  const { delivery } = input;
  const reach: Record<string, string> =
    delivery.kind === "task-network"
      ? { AWS_ENDPOINT_URL: `http://127.0.0.1:${delivery.apiPort}` }
      : {
          AWS_ENDPOINT_URL: delivery.endpoint,
          AWS_EC2_METADATA_SERVICE_ENDPOINT: `http://127.0.0.1:${delivery.closedPort}`,
        };
  const env: Record<string, string> = {
    PATH: DEFAULT_PATH,
    HOSTNAME: taskHostname(input.taskId),
    HOME: input.home,
    AWS_REGION: input.region,
    AWS_DEFAULT_REGION: input.region,
    AWS_EXECUTION_ENV: EXECUTION_ENV,
    ...reach,
    ...input.container.environment,
  };
  if (!input.credentials) return env;
  const path = credentialsPath(input.credentials.id);
  if (delivery.kind === "task-network") {
    env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI = path;
    return env;
  }
  env.AWS_CONTAINER_CREDENTIALS_FULL_URI = `${delivery.endpoint.replace(/\/+$/, "")}${path}`;
  if (input.credentials.authorizationToken !== undefined)
    env.AWS_CONTAINER_AUTHORIZATION_TOKEN = input.credentials.authorizationToken;
  return env;
}
