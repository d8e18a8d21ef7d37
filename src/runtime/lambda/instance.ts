/**
 * One function instance: a forked Node.js process running the bootstrap,
 * serving one invocation at a time. The first invocation also waits for
 * the init phase (the handler loading), whose output and duration it
 * reports; the function's timeout covers init and handler together. At the
 * deadline the process is killed (SIGKILL) and the invocation fails with
 * Lambda's timeout error; a process that dies, fails to init, or reports
 * an uncaught exception is not reused.
 */
import { type ChildProcess, fork } from "node:child_process";
import { killGroup } from "../process/kill-group.js";
import {
  EXIT_ERROR_TYPE,
  OLD_SPACE_FRACTION,
  TIMEOUT_ERROR_TYPE,
  timedOutMessage,
} from "./assumptions.js";
import type { BootstrapEntry } from "./bootstrap-entry.js";
import type { InstanceIdentity } from "./identity.js";
import { killAtExit, launchOptions, type RealMountPlan } from "./launcher.js";
import type { ErrorDocument, InstanceMessage, InvokeMessage } from "./messages.js";
import { collectOutput, type OutputCollector } from "./output-collector.js";

/** How to start an instance. */
export interface InstanceSpec {
  readonly taskRoot: string;
  readonly env: Readonly<Record<string, string>>;
  readonly identity: InstanceIdentity;
  readonly memorySize: number;
  readonly entry: BootstrapEntry;
  /** Access points to mount for real in the instance's own mount namespace (`launcher.ts`). */
  readonly realMounts?: RealMountPlan;
}

/** What one invocation on an instance gave. */
export interface InstanceRun {
  /** The handler's result as JSON text, when it succeeded. */
  readonly payload?: string;
  readonly error?: ErrorDocument;
  /** The instance's output during the invocation. */
  readonly output: string;
  /** The output of the init phase, on a cold start. */
  readonly initOutput?: string;
  /** The handler's run (from the invoke message to the answer; from the start after a timeout). */
  readonly durationMs: number;
  /** The init phase's duration, on a cold start. */
  readonly initMs?: number;
  readonly rssBytes?: number;
  readonly timedOut: boolean;
  /** Whether the instance may serve another invocation. */
  readonly reusable: boolean;
}

/** How long to wait for a dead instance's output to drain. */
const CLOSE_GRACE_MS = 500;

type Waiting = (
  event: InstanceMessage | { kind: "closed"; code: number | null; signal: string | null },
) => void;

/**
 * A running instance.
 *
 * @example
 * const instance = new Instance(spec);
 * const run = await instance.invoke(message, fn.timeout);
 * if (!run.reusable) instance.kill();
 */
export class Instance {
  private readonly child: ChildProcess;
  private readonly stdout: OutputCollector;
  private readonly stderr: OutputCollector;
  private waiting: Waiting | undefined;
  private initialized = false;
  private closed: { code: number | null; signal: string | null } | undefined;
  private spawnError: string | undefined;
  /** When it last finished an invocation (epoch ms). */
  lastUsedMs = Date.now();
  busy = false;

  /**
   * Forks the bootstrap; the handler starts loading at once.
   *
   * @example
   * const instance = new Instance({ taskRoot, env, identity: undefined, memorySize: 128, entry: bootstrapEntry() });
   */
  constructor(spec: InstanceSpec) {
    const heap = Math.max(16, Math.floor(spec.memorySize * OLD_SPACE_FRACTION));
    const nodeArgv = [...spec.entry.execArgv, `--max-old-space-size=${heap}`];
    this.child = fork(spec.entry.modulePath, [], {
      cwd: spec.taskRoot,
      env: spec.env,
      serialization: "json",
      detached: true,
      ...launchOptions(spec.identity, nodeArgv, spec.realMounts),
    });
    if (spec.realMounts) killAtExit(this.child);
    this.stdout = collectOutput(this.child.stdout as NonNullable<ChildProcess["stdout"]>);
    this.stderr = collectOutput(this.child.stderr as NonNullable<ChildProcess["stderr"]>);
    this.child.on("message", (message: InstanceMessage) => this.waiting?.(message));
    this.child.on("error", (error) => {
      // the process could not start (or be signalled): report it as ended
      if (this.closed) return;
      this.spawnError = error.message;
      this.closed = { code: null, signal: null };
      this.waiting?.({ kind: "closed", ...this.closed });
    });
    this.child.on("exit", (code, signal) => {
      this.closed = { code, signal };
      this.waiting?.({ kind: "closed", code, signal });
    });
  }

  /** Whether the process has ended. */
  get dead(): boolean {
    return this.closed !== undefined || this.child.exitCode !== null;
  }

  /**
   * Runs one invocation with a timeout in seconds.
   *
   * @example
   * const run = await instance.invoke(message, 3);
   */
  async invoke(message: InvokeMessage, timeoutSeconds: number): Promise<InstanceRun> {
    const started = performance.now();
    const deadline = started + timeoutSeconds * 1000;
    let initMs: number | undefined;
    let initOutput: string | undefined;
    if (!this.initialized) {
      const init = await this.next(deadline);
      initOutput = await this.collect("init", init.kind === "closed" || init.kind === "timeout");
      if (init.kind !== "ready") return { ...this.failure(init, message, started, ""), initOutput };
      this.initialized = true;
      initMs = init.initMs;
    }
    const cold = initMs !== undefined ? { initMs, initOutput: initOutput ?? "" } : {};
    const sent = performance.now();
    try {
      this.child.send(message);
    } catch {
      // the process died; `next` reports it
    }
    const answer = await this.next(deadline);
    const output = await this.collect(message.requestId, answer.kind !== "result");
    if (answer.kind !== "result" || answer.requestId !== message.requestId)
      return { ...this.failure(answer, message, started, output), ...cold };
    return {
      ...(answer.payload !== undefined ? { payload: answer.payload } : {}),
      ...(answer.error ? { error: answer.error } : {}),
      output,
      durationMs: performance.now() - sent,
      ...cold,
      rssBytes: answer.rssBytes,
      timedOut: false,
      reusable: !answer.fatal && !this.dead,
    };
  }

  /** Stops the process and every process it started (its own process group). */
  kill(): void {
    killGroup(this.child.pid);
  }

  /** The next message, or `closed`, or `timeout` (the process is then killed). */
  private next(
    deadline: number,
  ): Promise<
    | InstanceMessage
    | { kind: "closed"; code: number | null; signal: string | null }
    | { kind: "timeout" }
  > {
    if (this.closed) return Promise.resolve({ kind: "closed", ...this.closed });
    return new Promise((resolve) => {
      const timer = setTimeout(
        () => {
          this.waiting = undefined;
          this.kill();
          resolve({ kind: "timeout" });
        },
        Math.max(0, deadline - performance.now()),
      );
      this.waiting = (event) => {
        clearTimeout(timer);
        this.waiting = undefined;
        resolve(event);
      };
    });
  }

  /** The output of both streams up to `token`'s sentinels, or all that is left when the process ended. */
  private async collect(token: string, ended: boolean): Promise<string> {
    if (ended) {
      await this.exited();
      return this.stdout.takePending() + this.stderr.takePending();
    }
    const [out, err] = await Promise.all([this.stdout.until(token), this.stderr.until(token)]);
    return out + err;
  }

  /** Waits for the output streams to close (briefly: a stray grandchild may hold them open). */
  private exited(): Promise<void> {
    if (this.child.stdout?.closed && this.child.stderr?.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, CLOSE_GRACE_MS);
      this.child.once("close", () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private failure(
    event:
      | InstanceMessage
      | { kind: "closed"; code: number | null; signal: string | null }
      | { kind: "timeout" },
    message: InvokeMessage,
    started: number,
    output: string,
  ): InstanceRun {
    const durationMs = performance.now() - started;
    const base = { output, durationMs, reusable: false };
    this.kill();
    if (event.kind === "timeout")
      return {
        ...base,
        timedOut: true,
        error: {
          errorType: TIMEOUT_ERROR_TYPE,
          errorMessage: `RequestId: ${message.requestId} Error: ${timedOutMessage(durationMs / 1000)}`,
        },
      };
    if (event.kind === "init-error") return { ...base, timedOut: false, error: event.error };
    const status =
      this.spawnError ??
      (event.kind === "closed" && event.signal
        ? `signal: ${event.signal === "SIGKILL" ? "killed" : event.signal}`
        : `exit status ${event.kind === "closed" ? event.code : "unknown"}`);
    return {
      ...base,
      timedOut: false,
      error: {
        errorType: EXIT_ERROR_TYPE,
        errorMessage: `RequestId: ${message.requestId} Error: Runtime exited with error: ${status}`,
      },
    };
  }
}
