/**
 * One container's main process: spawned directly from its argument vector
 * (no shell), detached so it leads a process group that holds the whole
 * tree it starts, with the container's environment, working directory and
 * (when real) uid/gid. Output of stdout and stderr is batched and handed
 * on in arrival order; when the main process exits, what is left of its
 * group is killed (a container's processes end with it) and the exit is
 * reported with Docker's code (the exit status, or 128 + the signal
 * number), after the output has drained. In a task network the process
 * is spawned through a launcher prefix (`nsenter …`, which applies the
 * uid/gid itself and execs the container's vector in place); the program
 * is then looked up first, so a missing one fails as a direct spawn does.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { constants } from "node:os";
import { killGroup } from "../process/kill-group.js";
import { CANNOT_START, OUTPUT_FLUSH_MS } from "./assumptions.js";
import type { ContainerIdentity } from "./container-user.js";
import { executableProblem } from "./executable.js";

/** How long to wait for output to drain after the main process exits. */
const DRAIN_MS = 500;

/** How to start a container process and where its events go. */
export interface ContainerProcessSpec {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  readonly identity: ContainerIdentity | undefined;
  /** A launcher vector run before `argv` (it applies the identity itself). */
  readonly launcher?: readonly string[];
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
  private readonly child: ChildProcess | undefined;
  private pending = "";
  private timer: NodeJS.Timeout | undefined;
  private done = false;
  /** Resolves once the exit has been reported. */
  readonly finished: Promise<void>;

  constructor(private readonly spec: ContainerProcessSpec) {
    const [file = "", ...args] = spec.argv;
    const problem = spec.launcher
      ? executableProblem(file, spec.env.PATH ?? "", spec.cwd)
      : undefined;
    if (problem !== undefined) {
      this.child = undefined;
      this.finished = Promise.resolve().then(() => this.finish(undefined, problem));
      return;
    }
    const [launcher, ...launcherArgs] = spec.launcher ?? [];
    const child = spawn(launcher ?? file, launcher ? [...launcherArgs, ...spec.argv] : args, {
      cwd: spec.cwd,
      env: spec.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
      ...(spec.identity && !launcher ? { uid: spec.identity.uid, gid: spec.identity.gid } : {}),
    });
    this.child = child;
    for (const stream of [child.stdout, child.stderr]) {
      stream?.setEncoding("utf8");
      stream?.on("data", (chunk: string) => this.output(chunk));
    }
    this.finished = new Promise((resolve) => {
      child.once("error", (error: NodeJS.ErrnoException) => {
        if (child.pid !== undefined) return;
        this.finish(undefined, startFailure(file, error));
        resolve();
      });
      child.once("spawn", () => spec.onStarted(child.pid ?? 0));
      child.once("exit", (code, signal) => {
        killGroup(child.pid, "SIGKILL");
        this.drained(child).then(() => {
          this.finish(dockerExitCode(code, signal), undefined);
          resolve();
        });
      });
    });
  }

  /** Whether the main process has ended. */
  get ended(): boolean {
    const { child } = this;
    return this.done || !child || child.exitCode !== null || child.signalCode !== null;
  }

  /**
   * Signals the container's whole process group.
   *
   * @example
   * p.signal("SIGKILL");
   */
  signal(signal: NodeJS.Signals): void {
    killGroup(this.child?.pid, signal);
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

  private drained(child: ChildProcess): Promise<void> {
    const { stdout, stderr } = child;
    if ((stdout?.closed ?? true) && (stderr?.closed ?? true)) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, DRAIN_MS);
      child.once("close", () => {
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
