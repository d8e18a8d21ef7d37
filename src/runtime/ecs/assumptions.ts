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
