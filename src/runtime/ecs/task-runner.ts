/**
 * The task runner accesslab serves with: each container of a task runs
 * as a local process tree (see `container-process.ts`) in a scratch
 * working directory of its own (or the definition's `workingDirectory`
 * when it is an existing host directory), as the container's `user` when
 * accesslab runs as root on Linux, with ECS's environment and the task
 * role's credentials endpoint (see `container-env.ts`). Every start,
 * output batch and exit is reported to the service. StopTask sends
 * SIGTERM to each container's process group and SIGKILL after
 * {@link STOP_GRACE_MS}; closing the runner kills everything and removes
 * the scratch directories.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join } from "node:path";
import type { TaskLaunch, TaskRunner } from "../../services/ecs/task-port.js";
import { STOP_GRACE_MS } from "./assumptions.js";
import { closedLoopbackPort } from "./closed-port.js";
import { commandLine } from "./command-line.js";
import { containerEnvironment } from "./container-env.js";
import { ContainerProcess } from "./container-process.js";
import { containerIdentity } from "./container-user.js";

/** How the runner is set up. */
export interface TaskRunnerOptions {
  /** accesslab's endpoint, read when a task starts (a server knows its port only once listening). */
  readonly endpoint: () => string;
  /** Where scratch directories go (default: a fresh directory under the system's temp directory). */
  readonly scratchRoot?: string;
}

interface RunningTask {
  readonly processes: ContainerProcess[];
  stopping?: NodeJS.Timeout;
}

/**
 * A runner whose containers are local process trees.
 *
 * @example
 * const taskRunner = createTaskRunner({ endpoint: () => running.endpoint });
 * const env = createServerEnv({ store, taskRunner });
 */
export function createTaskRunner(options: TaskRunnerOptions): TaskRunner {
  const root = options.scratchRoot ?? mkdtempSync(join(tmpdir(), "accesslab-ecs-"));
  chmodSync(root, 0o755);
  const tasks = new Map<string, RunningTask>();
  let closedPort: Promise<number> | undefined;
  let closing = false;

  const launch = async (launched: TaskLaunch, running: RunningTask): Promise<void> => {
    const request = safeReports(launched);
    closedPort ??= closedLoopbackPort();
    const port = await closedPort;
    for (const container of request.containers) {
      const { definition } = container;
      const fail = (reason: string) => {
        request.report({ kind: "exited", container: definition.name, reason });
      };
      if (running.stopping || closing) {
        fail("Task stopped before the container started");
        continue;
      }
      const identity = containerIdentity(definition.user);
      if (!identity.ok) {
        fail(identity.reason);
        continue;
      }
      const argv = commandLine(definition.entryPoint, container.command);
      if (!argv.ok) {
        fail(argv.reason);
        continue;
      }
      const cwd = workingDirectory(root, request.task.taskId, definition);
      const env = containerEnvironment({
        container,
        taskId: request.task.taskId,
        region: request.region,
        endpoint: options.endpoint(),
        ...(request.credentials ? { credentials: request.credentials } : {}),
        home: identity.identity?.home ?? process.env.HOME ?? "/",
        closedPort: port,
      });
      running.processes.push(
        new ContainerProcess({
          argv: argv.argv,
          env,
          cwd,
          identity: identity.identity,
          onStarted: (pid) => request.report({ kind: "started", container: definition.name, pid }),
          onOutput: (text) => request.report({ kind: "output", container: definition.name, text }),
          onExit: (exitCode, reason) =>
            request.report({
              kind: "exited",
              container: definition.name,
              ...(exitCode !== undefined ? { exitCode } : {}),
              ...(reason !== undefined ? { reason } : {}),
            }),
        }),
      );
    }
    await Promise.all(running.processes.map((p) => p.finished));
    if (running.stopping) clearTimeout(running.stopping);
    tasks.delete(request.task.taskArn);
  };

  return {
    start(request) {
      const running: RunningTask = { processes: [] };
      tasks.set(request.task.taskArn, running);
      launch(request, running).catch((error: unknown) => {
        for (const c of request.containers)
          safeReports(request).report({
            kind: "exited",
            container: c.definition.name,
            reason: `CannotStartContainerError: ${(error as Error).message}`,
          });
        tasks.delete(request.task.taskArn);
      });
    },
    stop(taskArn) {
      const running = tasks.get(taskArn);
      if (!running || running.stopping) return;
      for (const p of running.processes) if (!p.ended) p.signal("SIGTERM");
      running.stopping = setTimeout(() => {
        for (const p of running.processes) if (!p.ended) p.signal("SIGKILL");
      }, STOP_GRACE_MS);
      running.stopping.unref();
    },
    async close() {
      closing = true;
      const all = [...tasks.values()];
      for (const running of all) {
        if (running.stopping) clearTimeout(running.stopping);
        for (const p of running.processes) p.signal("SIGKILL");
      }
      await Promise.race([
        Promise.all(all.flatMap((r) => r.processes.map((p) => p.finished))),
        new Promise((resolve) => setTimeout(resolve, 2_000)),
      ]);
      if (options.scratchRoot === undefined) rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * The launch with a `report` that never throws: a report that arrives after
 * the store has closed (the server is shutting down) is dropped instead of
 * crashing the process from a child's exit handler.
 */
function safeReports(launch: TaskLaunch): TaskLaunch {
  return {
    ...launch,
    report: (update) => {
      try {
        launch.report(update);
      } catch {
        // the service can no longer record it
      }
    },
  };
}

/** The definition's working directory when it exists on this host, else a fresh scratch directory. */
function workingDirectory(
  root: string,
  taskId: string,
  definition: TaskLaunch["containers"][number]["definition"],
): string {
  const wanted = definition.workingDirectory;
  if (
    wanted !== undefined &&
    isAbsolute(wanted) &&
    existsSync(wanted) &&
    statSync(wanted).isDirectory()
  )
    return wanted;
  const dir = join(root, taskId, definition.name);
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  chmodSync(join(root, taskId), 0o755);
  chmodSync(dir, 0o755);
  return dir;
}
