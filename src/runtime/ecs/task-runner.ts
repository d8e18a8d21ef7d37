/**
 * The task runner accesslab serves with: each container of a task runs
 * as a local process tree (see `container-process.ts`) in a scratch
 * working directory of its own (or the definition's `workingDirectory`
 * when it is an existing host directory), as the container's `user` when
 * accesslab runs as root on Linux, with ECS's environment and the task
 * role's credentials endpoint (see `container-env.ts`). When the host
 * allows it (root on Linux, `unshare --net`; see `netns/`), each task gets
 * a private network namespace held by a forwarder, its containers enter it
 * as their user, and the credentials come as ECS gives them
 * (RELATIVE_URI at 169.254.170.2); the forwarder reaches accesslab through
 * the runner's Unix domain socket ({@link LocalTaskRunner.apiSocket}, in a
 * private directory, which the server must listen on; a task started
 * while nothing listens there falls back to the loopback form). Otherwise
 * tasks share the host's network and get the loopback FULL_URI form. Every start,
 * output batch and exit is reported to the service. StopTask sends
 * SIGTERM to each container's process group and SIGKILL after
 * {@link STOP_GRACE_MS}; closing the runner kills everything and removes
 * the scratch directories. Containers an earlier runner left running
 * (its `serve` was killed) are ended through `endLeftover` once they are
 * recognised as the task's (see `leftover-process.ts`).
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join } from "node:path";
import type { TaskLaunch, TaskRunner } from "../../services/ecs/task-port.js";
import { STOP_GRACE_MS, TASK_NETWORK_NAMESPACES } from "./assumptions.js";
import { closedLoopbackPort } from "./closed-port.js";
import { commandLine } from "./command-line.js";
import { type CredentialsDelivery, containerEnvironment } from "./container-env.js";
import { ContainerProcess } from "./container-process.js";
import { containerIdentity } from "./container-user.js";
import { endLeftoverContainer } from "./leftover-process.js";
import { enterCommand } from "./netns/enter-command.js";
import { type NetnsTools, networkNamespaceSupport } from "./netns/support.js";
import { startTaskNetwork, type TaskNetwork } from "./netns/task-network.js";

/** How the runner is set up. */
export interface TaskRunnerOptions {
  /** accesslab's endpoint, read when a task starts (a server knows its port only once listening). */
  readonly endpoint: () => string;
  /** Where scratch directories go (default: a fresh directory under the system's temp directory). */
  readonly scratchRoot?: string;
  /**
   * Whether tasks get private network namespaces when the host allows it
   * (default {@link TASK_NETWORK_NAMESPACES}); `false` forces the loopback form.
   */
  readonly networkNamespaces?: boolean;
}

/** The runner, with the Unix socket its task networks forward to. */
export interface LocalTaskRunner extends TaskRunner {
  /**
   * The Unix domain socket the server must accept connections on (pass it
   * to `startServer` as `unixSocket`), present only when tasks get private
   * network namespaces. Removed when the runner closes.
   */
  readonly apiSocket?: string;
}

interface RunningTask {
  readonly processes: ContainerProcess[];
  network?: TaskNetwork;
  stopping?: NodeJS.Timeout;
}

/** A task network's needs: the tools and the socket. */
interface Namespaces {
  readonly tools: NetnsTools;
  readonly socketDir: string;
  readonly apiSocket: string;
}

/**
 * A runner whose containers are local process trees.
 *
 * @example
 * const taskRunner = createTaskRunner({ endpoint: () => running.endpoint });
 * const env = createServerEnv({ store, taskRunner });
 * const running = await startServer(env, { host, port, unixSocket: taskRunner.apiSocket });
 */
export function createTaskRunner(options: TaskRunnerOptions): LocalTaskRunner {
  const root = options.scratchRoot ?? mkdtempSync(join(tmpdir(), "accesslab-ecs-"));
  chmodSync(root, 0o755);
  const namespaces = namespacesFor(options.networkNamespaces ?? TASK_NETWORK_NAMESPACES);
  const tasks = new Map<string, RunningTask>();
  let closedPort: Promise<number> | undefined;
  let closing = false;

  const delivery = async (
    request: TaskLaunch,
    running: RunningTask,
  ): Promise<CredentialsDelivery> => {
    const endpoint = options.endpoint();
    // no server listens on the socket (a composition that did not wire it): loopback form
    if (!namespaces || !existsSync(namespaces.apiSocket)) {
      closedPort ??= closedLoopbackPort();
      return { kind: "loopback", endpoint, closedPort: await closedPort };
    }
    const apiPort = apiPortOf(endpoint);
    const token = request.credentials?.authorizationToken;
    running.network = await startTaskNetwork({
      tools: namespaces.tools,
      apiSocket: namespaces.apiSocket,
      apiPort,
      ...(token !== undefined ? { authorizationToken: token } : {}),
    });
    return { kind: "task-network", apiPort };
  };

  const launch = async (launched: TaskLaunch, running: RunningTask): Promise<void> => {
    const request = safeReports(launched);
    const reach = await delivery(request, running);
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
        delivery: reach,
        ...(request.credentials ? { credentials: request.credentials } : {}),
        home: identity.identity?.home ?? process.env.HOME ?? "/",
      });
      const { network } = running;
      running.processes.push(
        new ContainerProcess({
          argv: argv.argv,
          env,
          cwd,
          identity: identity.identity,
          ...(namespaces && network
            ? {
                launcher: enterCommand(
                  namespaces.tools.nsenter,
                  network.namespacePath,
                  identity.identity ?? { uid: 0, gid: 0 },
                  [],
                ),
              }
            : {}),
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
    await running.network?.close();
    tasks.delete(request.task.taskArn);
  };

  return {
    ...(namespaces ? { apiSocket: namespaces.apiSocket } : {}),
    endLeftover: (container) => endLeftoverContainer(container),
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
        running.network?.close();
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
      await Promise.all(all.map((r) => r.network?.close()));
      if (options.scratchRoot === undefined) rmSync(root, { recursive: true, force: true });
      if (namespaces) rmSync(namespaces.socketDir, { recursive: true, force: true });
    },
  };
}

/** Task networks' tools and a fresh private socket directory, when wanted and possible. */
function namespacesFor(wanted: boolean): Namespaces | undefined {
  if (!wanted) return undefined;
  const support = networkNamespaceSupport();
  if (!support.ok) return undefined;
  const socketDir = mkdtempSync(join(tmpdir(), "accesslab-ecs-net-"));
  chmodSync(socketDir, 0o700);
  return { tools: support.tools, socketDir, apiSocket: join(socketDir, "api.sock") };
}

/** The port of accesslab's endpoint URL (80 when it names none). */
function apiPortOf(endpoint: string): number {
  const url = new URL(endpoint);
  return url.port === "" ? 80 : Number(url.port);
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
