/**
 * Choices of the local ECS runtime where AWS gives no answer to copy, each
 * pinned in one named constant with its reasoning.
 */

/**
 * The PATH a container gets when its image sets none: Docker's default for
 * Linux containers. A real image usually sets its own; locally the host's
 * programs are what the container sees.
 */
export const DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/**
 * How long StopTask waits after SIGTERM before SIGKILL: ECS's default
 * `stopTimeout` for Fargate is 30 seconds; accesslab uses a shorter grace
 * so local runs and tests stop promptly (UNCONFIRMED as a fidelity choice,
 * deliberate for a local tool).
 */
export const STOP_GRACE_MS = 2_000;

/**
 * How long output is batched before it is reported to the service (one
 * store write per batch rather than per chunk). accesslab's choice.
 */
export const OUTPUT_FLUSH_MS = 100;

/**
 * The value of `AWS_EXECUTION_ENV` in a container: what Fargate sets for
 * the SDKs' user agent (`AWS_ECS_FARGATE`).
 */
export const EXECUTION_ENV = "AWS_ECS_FARGATE";

/**
 * The reason prefix of a container that could not start: Docker and ECS
 * report `CannotStartContainerError: …`.
 */
export const CANNOT_START = "CannotStartContainerError";

/**
 * The link-local address where a task's credentials endpoint answers, as
 * the ECS agent serves it on Fargate and EC2 (`169.254.170.2`, port 80):
 * `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` is a path on it.
 */
export const CREDENTIALS_ADDRESS = "169.254.170.2";

/** The port of {@link CREDENTIALS_ADDRESS}: plain HTTP on 80. */
export const CREDENTIALS_PORT = 80;

/**
 * What the credentials address answers (404, text) for a path that is not
 * `/v2/credentials/…`: the ECS agent is a Go server, whose default
 * not-found answer is this text. UNCONFIRMED for the agent itself; the
 * task metadata paths (`/v3`, `/v4`) it also serves are not emulated.
 */
export const CREDENTIALS_NOT_FOUND = "404 page not found\n";

/**
 * How long a task's forwarder may take to listen in its new network
 * namespace before the task fails to start (a node process start, twice
 * over on a loaded 2-core machine). accesslab's choice.
 */
export const TASK_NETWORK_START_MS = 10_000;

/**
 * Whether tasks get a private network namespace with the credentials
 * endpoint at {@link CREDENTIALS_ADDRESS} (RELATIVE_URI, as ECS) when the
 * host allows it (root on Linux, `unshare --net` working). `false` keeps
 * every task on the loopback FULL_URI form with a token, as when the
 * host does not allow it. A runner can override it (`networkNamespaces`).
 */
export const TASK_NETWORK_NAMESPACES = true;
