/**
 * One container's main process: spawned directly from its argument vector
 * (no shell), detached so it leads a process group that holds the whole
 * tree it starts, with the container's environment, working directory and
 * (when real) uid/gid. Output of stdout and stderr is batched and handed
 * on in arrival order; when the main process exits, what is left of its
 * group is killed (a container's processes end with it) and the exit is
 * reported with Docker's code (the exit status, or 128 + the signal
 * number), after the output has drained.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { constants } from "node:os";
import { killGroup } from "../process/kill-group.js";
import { CANNOT_START, OUTPUT_FLUSH_MS } from "./assumptions.js";
import type { ContainerIdentity } from "./container-user.js";

/** How long to wait for output to drain after the main process exits. */
const DRAIN_MS = 500;

/** How to start a container process and where its events go. */
export interface ContainerProcessSpec {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  readonly identity: ContainerIdentity | undefined;
  onStarted(pid: number): void;
  onOutput(text: string): void;
  onExit(exitCode: number | undefined, reason: string | undefined): void;
}

/**
 * Docker's exit code for an exit status or a signal.
 *
 * @example
 * dockerExitCode(null, "SIGKILL"); // 137
 */
export function dockerExitCode(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  const number = signal ? constants.signals[signal] : undefined;
  return number === undefined ? 1 : 128 + number;
}

/**
 * A running container process.
 *
 * @example
 * const p = new ContainerProcess(spec);
 * p.signal("SIGTERM");
 */
export class ContainerProcess {
  private readonly child: ChildProcess;
  private pending = "";
  private timer: NodeJS.Timeout | undefined;
  private done = false;
  /** Resolves once the exit has been reported. */
  readonly finished: Promise<void>;

  constructor(private readonly spec: ContainerProcessSpec) {
    const [file = "", ...args] = spec.argv;
    this.child = spawn(file, args, {
      cwd: spec.cwd,
      env: spec.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
      ...(spec.identity ? { uid: spec.identity.uid, gid: spec.identity.gid } : {}),
    });
    for (const stream of [this.child.stdout, this.child.stderr]) {
      stream?.setEncoding("utf8");
      stream?.on("data", (chunk: string) => this.output(chunk));
    }
    this.finished = new Promise((resolve) => {
      this.child.once("error", (error: NodeJS.ErrnoException) => {
        if (this.child.pid !== undefined) return;
        this.finish(undefined, startFailure(file, error));
        resolve();
      });
      this.child.once("spawn", () => spec.onStarted(this.child.pid ?? 0));
      this.child.once("exit", (code, signal) => {
        killGroup(this.child.pid, "SIGKILL");
        this.drained().then(() => {
          this.finish(dockerExitCode(code, signal), undefined);
          resolve();
        });
      });
    });
  }

  /** Whether the main process has ended. */
  get ended(): boolean {
    return this.done || this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /**
   * Signals the container's whole process group.
   *
   * @example
   * p.signal("SIGKILL");
   */
  signal(signal: NodeJS.Signals): void {
    killGroup(this.child.pid, signal);
  }

  private output(chunk: string): void {
    this.pending += chunk;
    this.timer ??= setTimeout(() => this.flush(), OUTPUT_FLUSH_MS);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending === "") return;
    const text = this.pending;
    this.pending = "";
    this.spec.onOutput(text);
  }

  private drained(): Promise<void> {
    const { stdout, stderr } = this.child;
    if ((stdout?.closed ?? true) && (stderr?.closed ?? true)) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, DRAIN_MS);
      this.child.once("close", () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private finish(exitCode: number | undefined, reason: string | undefined): void {
    if (this.done) return;
    this.done = true;
    this.flush();
    this.spec.onExit(exitCode, reason);
  }
}

function startFailure(file: string, error: NodeJS.ErrnoException): string {
  if (error.code === "ENOENT")
    return `${CANNOT_START}: exec: "${file}": executable file not found in $PATH`;
  if (error.code === "EACCES") return `${CANNOT_START}: exec: "${file}": permission denied`;
  return `${CANNOT_START}: ${error.message}`;
}
