/**
 * ECS as stored values: task definitions (a family's numbered revisions,
 * ACTIVE or INACTIVE once deregistered) with their container definitions,
 * and tasks (one run of a revision in a cluster) with each container's
 * state. Field names follow the ECS wire shapes (camelCase), so the
 * records render almost as they are. Times are milliseconds since the
 * epoch.
 */

/** One `environment` entry of a container. */
export interface KeyValuePair {
  readonly name: string;
  readonly value: string;
}

/** The container definition fields accesslab reads and runs. */
export interface ContainerDefinition {
  readonly name: string;
  readonly image: string;
  readonly command?: readonly string[];
  readonly entryPoint?: readonly string[];
  readonly environment?: readonly KeyValuePair[];
  /** `user`, `user:group`, `uid`, `uid:gid`, `user:gid` or `uid:group` (docker run --user). */
  readonly user?: string;
  /** Defaults to true. */
  readonly essential: boolean;
  readonly workingDirectory?: string;
}

/** One revision of a task definition family. */
export interface TaskDefinition {
  readonly taskDefinitionArn: string;
  readonly family: string;
  readonly revision: number;
  readonly status: "ACTIVE" | "INACTIVE";
  readonly containerDefinitions: readonly ContainerDefinition[];
  readonly taskRoleArn?: string;
  readonly executionRoleArn?: string;
  readonly networkMode?: string;
  readonly requiresCompatibilities?: readonly string[];
  readonly cpu?: string;
  readonly memory?: string;
  readonly registeredAt: number;
  readonly deregisteredAt?: number;
}

/** A task's or container's lifecycle status (the subset local tasks go through). */
export type TaskStatus = "PROVISIONING" | "PENDING" | "RUNNING" | "STOPPED";

/** One container of a task. */
export interface ContainerState {
  readonly name: string;
  readonly image: string;
  readonly lastStatus: TaskStatus;
  readonly exitCode?: number;
  /** Why it stopped, when not by exiting (a signal, a failure to start). */
  readonly reason?: string;
  /** The process id of the container's main process on this host, while it runs. */
  readonly runtimeId?: string;
  /** The last lines of its output (stdout and stderr), kept when it stops. */
  readonly outputTail?: string;
}

/** One run of a task definition. */
export interface Task {
  readonly taskArn: string;
  readonly taskId: string;
  readonly clusterArn: string;
  readonly cluster: string;
  readonly taskDefinitionArn: string;
  readonly launchType: string;
  readonly lastStatus: TaskStatus;
  readonly desiredStatus: "RUNNING" | "STOPPED";
  readonly containers: readonly ContainerState[];
  /** The names of the essential containers (their exit stops the task). */
  readonly essentialContainers: readonly string[];
  readonly taskRoleArn?: string;
  readonly startedBy?: string;
  readonly group: string;
  readonly createdAt: number;
  readonly startedAt?: number;
  readonly stoppingAt?: number;
  readonly stoppedAt?: number;
  readonly stoppedReason?: string;
  /** `TaskFailedToStart`, `EssentialContainerExited`, `UserInitiated` or `TerminationNotice` (the host went away). */
  readonly stopCode?: string;
  /** The container credentials id registered for the task role, until the task stops. */
  readonly credentialsId?: string;
}

/**
 * Record kinds: task definitions keyed `<family>:<revision>` (with a
 * `family` field to list by), the last revision number of each family
 * keyed by family, tasks keyed by task id, and each container's captured
 * output keyed `<task id>/<container name>`.
 */
export const ECS_RECORD = {
  taskDefinition: "ecs/task-definition",
  familyRevision: "ecs/family-revision",
  task: "ecs/task",
  output: "ecs/output",
} as const;

/** A container's captured output: the last bytes kept, and how many were written in all. */
export interface ContainerOutput {
  readonly text: string;
  /** Characters written since the container started (the kept text is the end of them). */
  readonly total: number;
}
