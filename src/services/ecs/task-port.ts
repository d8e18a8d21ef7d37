/**
 * The port through which ECS starts a task's containers: RunTask checks
 * the request, records the task, registers the task role's container
 * credentials (its trust for `ecs-tasks.amazonaws.com` checked) and hands
 * a `TaskLaunch` to a `TaskRunner`; the runner (the process runtime in
 * `src/runtime/ecs/`, passed in by the server or CLI composition) starts
 * each container and reports what happens to it through `report`, which
 * the service records (DescribeTasks reads it back). Services never import
 * the runtime; they only know this interface.
 */
import type { EndLeftover } from "./leftover-port.js";
import type { ContainerDefinition, Task, TaskDefinition } from "./model.js";

/** One container to start, with RunTask's overrides applied. */
export interface ContainerLaunch {
  readonly definition: ContainerDefinition;
  /** The command after `containerOverrides` (the definition's otherwise). */
  readonly command?: readonly string[];
  /** The definition's `environment` with the overrides' entries applied, in order. */
  readonly environment: Readonly<Record<string, string>>;
}

/** The task role's container credentials registration, as the runtime exposes it. */
export interface TaskCredentials {
  /** The last segment of `/v2/credentials/<id>`. */
  readonly id: string;
  /** The `Authorization` value the FULL_URI form requires. */
  readonly authorizationToken?: string;
}

/** What happens to a task, as the runner reports it. */
export type TaskUpdate =
  | {
      readonly kind: "started";
      readonly container: string;
      /** The main process id on this host. */
      readonly pid: number;
    }
  | {
      readonly kind: "output";
      readonly container: string;
      /** Text the container wrote (stdout and stderr, in arrival order). */
      readonly text: string;
    }
  | {
      readonly kind: "exited";
      readonly container: string;
      readonly exitCode?: number;
      /** Why, when it did not exit by itself (a signal, a failure to start). */
      readonly reason?: string;
    };

/** One task to run. */
export interface TaskLaunch {
  readonly task: Task;
  readonly definition: TaskDefinition;
  readonly containers: readonly ContainerLaunch[];
  readonly region: string;
  /** Present when the task has a role. */
  readonly credentials?: TaskCredentials;
  /** Records an update (the runner calls it for every change, in order). */
  report(update: TaskUpdate): void;
}

/**
 * Runs tasks' containers. `start` never throws: a container that cannot
 * start is reported as `exited` with a reason.
 *
 * @example
 * runner.start(launch);
 * runner.stop(launch.task.taskArn); // kills every container's process group
 */
export interface TaskRunner {
  start(launch: TaskLaunch): void;
  /** Stops a task's containers (SIGTERM, then SIGKILL after a grace period); unknown tasks are ignored. */
  stop(taskArn: string): void;
  /** Stops every task. */
  close(): Promise<void>;
  /**
   * Ends a container an earlier runner left behind (after a `serve` was
   * killed), once it is verified to be the task's; absent where the
   * runner cannot recognise processes.
   */
  readonly endLeftover?: EndLeftover;
}
