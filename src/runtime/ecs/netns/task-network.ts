/**
 * A task's private network namespace, held by its forwarder: `unshare
 * --net` starts the forwarder (see `forwarder-source.ts`) in a fresh
 * namespace whose only interface is `lo`, carrying 127.0.0.1 and the
 * credentials address; nothing in it routes to 169.254.169.254, so instance
 * metadata is unreachable (`connect ENETUNREACH` at once), as on Fargate,
 * and the host's loopback services are out of reach except accesslab's
 * API through the forwarder. Containers join the namespace with `nsenter
 * --net=/proc/<forwarder pid>/ns/net` (see `enter-command.ts`), so the
 * namespace lives as long as the forwarder: the runner closes it only
 * after the task's last container has exited.
 */
import { type ChildProcess, spawn } from "node:child_process";
import {
  CREDENTIALS_ADDRESS,
  CREDENTIALS_NOT_FOUND,
  CREDENTIALS_PORT,
  TASK_NETWORK_START_MS,
} from "../assumptions.js";
import { FORWARDER_SOURCE } from "./forwarder-source.js";
import type { NetnsTools } from "./support.js";

/** What a task network is made from. */
export interface TaskNetworkSpec {
  readonly tools: NetnsTools;
  /** The Unix domain socket where accesslab's server accepts forwarded connections. */
  readonly apiSocket: string;
  /** The port accesslab's API answers on inside the namespace (127.0.0.1). */
  readonly apiPort: number;
  /** The task's container credentials token, added to credentials requests. */
  readonly authorizationToken?: string;
}

/** A running task network. */
export interface TaskNetwork {
  /** The namespace file containers enter. */
  readonly namespacePath: string;
  /** Stops the forwarder (the namespace goes once no container holds it). */
  close(): Promise<void>;
}

/**
 * Starts the forwarder in a fresh namespace and resolves once it listens;
 * rejects with its own message when it cannot.
 *
 * @example
 * const network = await startTaskNetwork({ tools, apiSocket, apiPort: 4566 });
 * network.namespacePath; // "/proc/4242/ns/net"
 */
export function startTaskNetwork(spec: TaskNetworkSpec): Promise<TaskNetwork> {
  const child = spawn(
    spec.tools.unshare,
    ["--net", "--", process.execPath, "-e", FORWARDER_SOURCE],
    {
      env: {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        FWD_IP: spec.tools.ip,
        FWD_SOCKET: spec.apiSocket,
        FWD_API_PORT: String(spec.apiPort),
        FWD_ADDRESS: CREDENTIALS_ADDRESS,
        FWD_PORT: String(CREDENTIALS_PORT),
        FWD_NOT_FOUND: CREDENTIALS_NOT_FOUND,
        ...(spec.authorizationToken !== undefined ? { FWD_TOKEN: spec.authorizationToken } : {}),
      },
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    let done = false;
    const timer = setTimeout(() => {
      settle(`the forwarder did not start within ${TASK_NETWORK_START_MS} ms`);
      child.kill("SIGKILL");
    }, TASK_NETWORK_START_MS);
    const settle = (failure?: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.stdout?.removeAllListeners("data");
      if (failure === undefined) resolve(network(child));
      else reject(new Error(failure));
    };
    child.stdout?.setEncoding("utf8");
    child.stderr?.setEncoding("utf8");
    child.stdout?.on("data", (chunk: string) => {
      stdout += chunk;
      if (stdout.includes("ready\n")) settle();
    });
    child.stderr?.on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.once("error", (error) => settle(`cannot start the forwarder: ${error.message}`));
    child.once("exit", (code, signal) => {
      const said = stderr.trim().split("\n").at(-1);
      settle(said || `the forwarder exited (${code ?? signal}) before listening`);
    });
  });
}

function network(child: ChildProcess): TaskNetwork {
  child.removeAllListeners("exit");
  child.stdout?.resume();
  child.stderr?.resume();
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  return {
    namespacePath: `/proc/${child.pid}/ns/net`,
    close: async () => {
      child.stdin?.end();
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 1_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
