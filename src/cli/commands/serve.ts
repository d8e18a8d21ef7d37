/**
 * `accesslab serve`: one local endpoint for real AWS clients. Opens the
 * state (SQLite at `<state>/state.db`, or in memory), listens on
 * 127.0.0.1:4566 by default (`--port 0` picks a free port and prints it),
 * prints the endpoint, the state path, the bootstrap credentials and an
 * `export AWS_ENDPOINT_URL=…` line, and stops cleanly on SIGINT/SIGTERM
 * (server closed, store closed, exit 0). A port in use is a one-line
 * error with exit code 2. `--demo [FILE]` loads a demo stack into a fresh
 * state before listening (see `serve-demo.ts`) and prints what it holds.
 * Lambda Invoke runs functions' code and ECS RunTask runs containers in
 * local processes (`runtime/lambda`, `runtime/ecs`), stopped with the
 * server; when ECS tasks get private network namespaces, the server also
 * listens on the task runner's Unix socket, which their forwarders use.
 * FSx file systems are served by supervised Samba `smbd`s (`runtime/fsx`,
 * files under `<state>/fsx/`), started again with a state that has them.
 * One serve owns a state directory at a time (`state-lock.ts`). ECS
 * tasks end with their `serve`: a graceful stop records them STOPPED
 * (the host went away) before the store closes, and a start ends the
 * tasks an earlier, killed `serve` left unfinished, killing their
 * containers' process groups once verified to be theirs (one stderr line
 * for each process group it found).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { createTaskRunner } from "../../runtime/ecs/task-runner.js";
import { createSmbSupervisor } from "../../runtime/fsx/smb-supervisor.js";
import { createProcessRunner } from "../../runtime/lambda/process-runner.js";
import { type RunningServer, startServer } from "../../server/create-server.js";
import { createServerEnv } from "../../server/env.js";
import { type ResumedTasks, resumeTasks } from "../../services/ecs/resume.js";
import { stopTasksForShutdown } from "../../services/ecs/shutdown.js";
import { resumeSmbServers } from "../../services/fsx/resume.js";
import {
  BOOTSTRAP_ACCESS_KEY_ID,
  BOOTSTRAP_SECRET_ACCESS_KEY,
  DEFAULT_ACCOUNT,
} from "../../services/sts/bootstrap.js";
import { openStore } from "../../store/open.js";
import type { Store } from "../../store/port.js";
import { CliError } from "../cli-error.js";
import { lockStateDirectory } from "../state-lock.js";
import { demoBlock, type LoadedDemo, loadDemoOption } from "./serve-demo.js";

interface ServeOptions {
  readonly port: string;
  readonly host: string;
  readonly state: string;
  readonly inMemory?: boolean;
  readonly enforceIam: string;
  /** `true` for the bundled demo stack, or a stack file. */
  readonly demo?: string | true;
}

/** Registers the `serve` command on `program`. */
export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("serve the emulated AWS APIs on one local port for the AWS SDKs and CLI")
    .option("-p, --port <port>", "port to listen on (0 picks a free one)", "4566")
    .option("--host <host>", "address to bind", "127.0.0.1")
    .option("--state <dir>", "directory of the SQLite state", ".accesslab")
    .option("--in-memory", "keep state in memory only (lost at exit)")
    .option(
      "--enforce-iam <mode>",
      "on: verify SigV4 signatures and authorize every call with the policy engine; off: check no signature and authorize nothing (a known key still acts as its principal, anything else as the root)",
      "on",
    )
    .option("--demo [file]", "load a demo stack at first start (default: the bundled one)")
    .action(async (options: ServeOptions) => {
      await serve(options);
    });
}

/**
 * Starts serving; resolves once listening (the process then lives until a signal).
 *
 * @example
 * await serve({ port: "0", host: "127.0.0.1", state: ".accesslab", inMemory: true, enforceIam: "on" });
 */
export async function serve(options: ServeOptions): Promise<RunningServer> {
  const port = Number(options.port);
  if (!/^\d+$/.test(options.port) || port > 65535) {
    throw new CliError(`invalid port \`${options.port}\`: expected 0..65535`);
  }
  if (options.enforceIam !== "on" && options.enforceIam !== "off") {
    throw new CliError(`invalid --enforce-iam \`${options.enforceIam}\`: expected on or off`);
  }
  const statePath = options.inMemory ? "in memory" : join(options.state, "state.db");
  // one serve per state: it ends what an earlier serve of this state left running
  const lock = options.inMemory ? undefined : lockStateDirectory(options.state);
  process.once("exit", () => lock?.release());
  const store = openState(options, statePath);
  let endpoint = "";
  const functionRunner = createProcessRunner({
    endpoint: () => endpoint,
    services: () => env.services,
  });
  const taskRunner = createTaskRunner({ endpoint: () => endpoint });
  const smbServers = createSmbSupervisor(
    options.inMemory ? {} : { root: join(options.state, "fsx") },
  );
  const closeRunners = () =>
    Promise.all([functionRunner.close(), taskRunner.close(), smbServers.close()]);
  const env = createServerEnv({
    store,
    enforceIam: options.enforceIam === "on",
    functionRunner,
    taskRunner,
    smbServers,
  });
  let demo: LoadedDemo | undefined;
  try {
    demo = options.demo === undefined ? undefined : loadDemoOption(env.services, options.demo);
  } catch (error) {
    store.close();
    await closeRunners();
    throw error;
  }
  let running: RunningServer;
  try {
    running = await startServer(env, {
      host: options.host,
      port,
      ...(taskRunner.apiSocket ? { unixSocket: taskRunner.apiSocket } : {}),
    });
  } catch (error) {
    store.close();
    await closeRunners();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") throw new CliError(`port ${port} on ${options.host} is in use`);
    if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") {
      throw new CliError(`cannot bind \`${options.host}\`: address not available`);
    }
    throw error;
  }
  endpoint = running.endpoint;
  // before anything awaits: no RunTask of this serve can have been recorded yet
  const leftovers = resumeTasks(env.services);
  smbServers.sambaProblem();
  await resumeSmbServers(env.services);
  process.stderr.write(leftoverLines(leftovers));
  process.stdout.write(banner(running.endpoint, statePath, options.enforceIam));
  if (demo) {
    const stateDir = options.inMemory ? undefined : options.state;
    process.stdout.write(demoBlock(demo, running.endpoint, env.services.region, stateDir));
  }
  let stopping = false;
  const stop = async () => {
    // a second signal while stopping must not cut the stop short (leaving smbds or tasks behind)
    if (stopping) return;
    stopping = true;
    // every step runs even if an earlier one failed
    const steps: [string, () => unknown][] = [
      ["close the server", () => running.close()],
      ["record the tasks stopping", () => stopTasksForShutdown(env.services)],
      ["stop functions, tasks and SMB servers", closeRunners],
      ["record the tasks stopped", () => resumeTasks(env.services)],
    ];
    for (const [what, step] of steps) {
      try {
        await step();
      } catch (error) {
        process.stderr.write(`accesslab serve: cannot ${what}: ${(error as Error).message}\n`);
      }
    }
    store.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  return running;
}

function openState(options: ServeOptions, statePath: string): Store {
  if (options.inMemory) return openStore({ kind: "memory" });
  try {
    mkdirSync(options.state, { recursive: true });
    return openStore({ kind: "sqlite", path: statePath });
  } catch (error) {
    throw new CliError(`cannot open state \`${statePath}\`: ${(error as Error).message}`);
  }
}

/** One stderr line per leftover container process group that was found. */
function leftoverLines(resumed: ResumedTasks): string {
  return resumed.containers
    .filter((c) => c.outcome !== "gone")
    .map((c) => {
      const what = `process group ${c.pid} of container \`${c.container}\` of task ${c.taskArn}`;
      if (c.outcome === "ended")
        return `accesslab: stopped ${what}, left running by an earlier accesslab\n`;
      return `accesslab: left ${what} alone: ${c.outcome === "foreign" ? "its processes are not that container's" : "cannot verify its processes here"}\n`;
    })
    .join("");
}

function banner(endpoint: string, statePath: string, enforceIam: string): string {
  return [
    `accesslab serve: listening on ${endpoint}`,
    `state: ${statePath}`,
    `iam enforcement: ${enforceIam}`,
    `bootstrap credentials: access key ${BOOTSTRAP_ACCESS_KEY_ID}, secret ${BOOTSTRAP_SECRET_ACCESS_KEY}, account ${DEFAULT_ACCOUNT} (root)`,
    "",
    `export AWS_ENDPOINT_URL=${endpoint}`,
    `export AWS_ACCESS_KEY_ID=${BOOTSTRAP_ACCESS_KEY_ID} AWS_SECRET_ACCESS_KEY=${BOOTSTRAP_SECRET_ACCESS_KEY} AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1`,
    "",
  ].join("\n");
}
