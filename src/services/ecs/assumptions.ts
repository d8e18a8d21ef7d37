/**
 * ECS behaviours accesslab could not confirm from AWS documentation, each
 * pinned in one named constant with the reasoning behind the choice.
 */

/**
 * Why a task whose role ECS cannot assume stops. The sentence is ECS's own
 * (seen in service events and task stopped reasons: "ECS was unable to
 * assume the role '<arn>' that was provided for this task. Please verify
 * …"); that RunTask itself succeeds and the task then stops with this
 * reason and stop code `TaskFailedToStart` is UNCONFIRMED for RunTask (it
 * is what services report), and the most plausible behaviour.
 */
export const unableToAssumeRole = (roleArn: string) =>
  `ECS was unable to assume the role '${roleArn}' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role.`;

/** The stop code of a task that could not start (ECS's `TaskFailedToStart`). */
export const FAILED_TO_START = "TaskFailedToStart";

/** ECS's stopped reason when an essential container exits. */
export const ESSENTIAL_EXITED = "Essential container in task exited";

/**
 * The stopped reason of StopTask without a `reason`: ECS's console shows
 * "Task stopped by user"; that the API stores this text is UNCONFIRMED.
 */
export const DEFAULT_STOP_REASON = "Task stopped by user";

/** How many lines of a container's output are kept for DescribeTasks (accesslab's choice). */
export const OUTPUT_TAIL_LINES = 20;

/**
 * The only cluster that exists without CreateCluster: ECS's `default`
 * cluster (which real accounts get on first use). accesslab has no
 * CreateCluster yet, so any other cluster is `ClusterNotFoundException`.
 */
export const DEFAULT_CLUSTER = "default";

/**
 * The stop code of a task whose host went away: a `serve` stopped, or
 * killed and started again, while the task was not STOPPED. ECS's codes
 * are `TaskFailedToStart`, `EssentialContainerExited`, `UserInitiated`,
 * `ServiceSchedulerInitiated`, `SpotInterruption`, `TerminationNotice`
 * (and lately `InfrastructureHealth`); `TerminationNotice`, which ECS
 * gives tasks stopped because the capacity under them is being taken
 * away, is the closest to "the host stopped". UNCONFIRMED: which code
 * ECS records when a container instance disappears is not documented.
 */
export const HOST_GONE_STOP_CODE = "TerminationNotice";

/**
 * The stopped reason of a task whose host went away, shaped after ECS's
 * "Host EC2 (instance i-…) stopped/terminated" with accesslab's `serve`
 * as the host. UNCONFIRMED wording (accesslab's).
 */
export const HOST_GONE_REASON = "Host accesslab serve stopped/terminated";
