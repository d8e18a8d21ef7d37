/**
 * One file system's supervised `smbd`: writes its configuration and
 * username map, starts `smbd --foreground --no-process-group -s <conf>`
 * as the leader of its own process group (so a stop reaches the helper
 * processes it forks), waits until it accepts connections, and restarts it
 * when it dies on its own, after a delay that doubles per crash in a row
 * (reset once it has run for a while). An smbd of the same file system
 * left by a killed accesslab is ended first (`orphan-smbd.ts`). A new encryption setting rewrites
 * the configuration and sends SIGHUP, which smbd applies to new
 * connections. `stop` ends the group: SIGTERM, then SIGKILL.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import type { SmbEncryption } from "../../services/fsx/model.js";
import { killGroup } from "../process/kill-group.js";
import {
  LISTEN_TIMEOUT_MS,
  RELOAD_SETTLE_MS,
  RESTART_FIRST_DELAY_MS,
  RESTART_MAX_DELAY_MS,
  RESTART_RESET_AFTER_MS,
  STOP_GRACE_MS,
} from "./assumptions.js";
import { freePort } from "./free-port.js";
import { endOrphanSmbd } from "./orphan-smbd.js";
import { sambaConfig, userMap } from "./samba-config.js";
import type { SambaPaths } from "./samba-paths.js";
import { waitListening } from "./wait-listening.js";

/** What an instance runs with. */
export interface InstanceOptions {
  readonly smbd: string;
  readonly paths: SambaPaths;
  readonly localUser: string;
  readonly userName: string;
  encryption: SmbEncryption;
  /** Writes one line about the instance (crashes, restarts). */
  readonly log: (line: string) => void;
}

/** A supervised smbd. */
export class SmbdInstance {
  private child: ChildProcess | undefined;
  private stopping = false;
  private crashes = 0;
  private timer: NodeJS.Timeout | undefined;
  private stderr = "";
  /** The port it listens on (0 before the first start). */
  port = 0;
  /** How many times it was restarted after dying. */
  restarts = 0;
  /** Why the last start failed, while it is not serving. */
  problem: string | undefined;

  constructor(private readonly options: InstanceOptions) {}

  /** The main smbd process id, while it runs. */
  get pid(): number | undefined {
    return this.child?.exitCode === null ? this.child.pid : undefined;
  }

  /**
   * Writes the configuration and starts smbd; resolves once it listens (or failed to, see `problem`).
   *
   * @example
   * await instance.start(); instance.port; // 40123
   */
  async start(): Promise<void> {
    this.stopping = false;
    const orphan = await endOrphanSmbd(this.options.paths, STOP_GRACE_MS);
    if (orphan !== undefined)
      this.options.log(
        `accesslab: stopped smbd ${orphan} of ${this.options.paths.root}, left running by an earlier accesslab`,
      );
    this.port = await freePort(this.port || previousPort(this.options.paths.portFile));
    // stopped while looking for an orphan or a port: start nothing the stop could not reach
    if (this.stopping) return;
    writeFileSync(this.options.paths.portFile, `${this.port}\n`);
    this.writeConfig();
    const child = spawn(
      this.options.smbd,
      ["--foreground", "--no-process-group", "-s", this.options.paths.config],
      { detached: true, stdio: ["ignore", "ignore", "pipe"] },
    );
    this.child = child;
    this.stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      this.stderr = `${this.stderr}${chunk.toString("utf8")}`.slice(-2000);
    });
    const startedAt = Date.now();
    child.on("error", (error) => {
      this.problem = `cannot run \`${this.options.smbd}\`: ${error.message}`;
    });
    child.on("exit", (code, signal) => this.exited(child, code, signal, startedAt));
    const listening = await waitListening(
      this.port,
      () => child.exitCode === null && child.signalCode === null && this.child === child,
      LISTEN_TIMEOUT_MS,
    );
    if (listening) {
      this.problem = undefined;
      return;
    }
    if (this.problem === undefined) {
      const said = this.stderr.trim().split("\n").slice(-3).join("; ");
      this.problem = `smbd did not start listening on 127.0.0.1:${this.port}${said ? `: ${said}` : ""} (log: ${this.options.paths.log}/smbd.log)`;
    }
  }

  /**
   * Applies a new encryption setting to new connections.
   *
   * @example
   * await instance.setEncryption("required");
   */
  async setEncryption(encryption: SmbEncryption): Promise<void> {
    this.options.encryption = encryption;
    this.writeConfig();
    const pid = this.pid;
    if (pid !== undefined) {
      process.kill(pid, "SIGHUP");
      await new Promise((r) => setTimeout(r, RELOAD_SETTLE_MS));
    }
  }

  /**
   * Stops smbd and every process of its group; no restart follows.
   *
   * @example
   * await instance.stop();
   */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    const child = this.child;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    killGroup(child.pid, "SIGTERM");
    const timeout = setTimeout(() => killGroup(child.pid, "SIGKILL"), STOP_GRACE_MS);
    await gone;
    clearTimeout(timeout);
    killGroup(child.pid, "SIGKILL");
  }

  private writeConfig(): void {
    const { paths, localUser, userName, encryption } = this.options;
    writeFileSync(paths.userMap, userMap(localUser, userName));
    writeFileSync(
      paths.config,
      sambaConfig({ paths, port: this.port, localUser, userName, encryption }),
    );
  }

  private exited(
    child: ChildProcess,
    code: number | null,
    signal: NodeJS.Signals | null,
    startedAt: number,
  ): void {
    if (this.stopping || this.child !== child) return;
    killGroup(child.pid, "SIGKILL");
    if (Date.now() - startedAt > RESTART_RESET_AFTER_MS) this.crashes = 0;
    const delay = Math.min(RESTART_FIRST_DELAY_MS * 2 ** this.crashes, RESTART_MAX_DELAY_MS);
    this.crashes += 1;
    const how = signal === null ? `exit code ${code}` : `signal ${signal}`;
    this.options.log(
      `accesslab: smbd of ${this.options.paths.root} ended (${how}); restarting in ${delay} ms`,
    );
    this.timer = setTimeout(() => {
      if (this.stopping) return;
      this.restarts += 1;
      void this.start();
    }, delay);
  }
}

function previousPort(file: string): number | undefined {
  try {
    const port = Number(readFileSync(file, "utf8").trim());
    return Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
  } catch {
    return undefined;
  }
}
