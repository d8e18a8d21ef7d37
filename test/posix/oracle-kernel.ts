/**
 * The kernel side of the oracle: one long-lived worker process per pool
 * identity (a uid change cannot be undone, so each identity gets its own
 * process and keeps it for every sequence), a root directory the parent
 * (real root) resets between sequences, the host's link-protection
 * sysctls, and a snapshot of the real tree in the engine's terms.
 */
import { type ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { KernelProtections } from "../../src/engines/posix/index.js";
import type { SnapshotEntry } from "./oracle-engine.js";
import type { OracleOp, OracleOutcome, PoolIdentity } from "./oracle-ops.js";

const WORKER = fileURLToPath(new URL("./kernel-worker.ts", import.meta.url));

interface Worker {
  readonly child: ChildProcess;
  readonly pending: Map<number, (outcome: OracleOutcome) => void>;
}

/** Worker processes, one per identity, all rooted at the same directory. */
export class WorkerPool {
  private readonly workers: Worker[];
  private nextId = 0;

  /**
   * Starts one worker per identity in `root`.
   *
   * @example
   * const pool = new WorkerPool("/tmp/oracle/root", IDENTITIES);
   */
  constructor(root: string, identities: readonly PoolIdentity[]) {
    this.workers = identities.map((who) => {
      const child = spawn(
        process.execPath,
        ["--import", "tsx", WORKER, root, String(who.uid), String(who.gid), who.groups.join(",")],
        { stdio: ["pipe", "pipe", "inherit"] },
      );
      const pending = new Map<number, (outcome: OracleOutcome) => void>();
      createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
        const reply = JSON.parse(line) as { id: number; outcome: OracleOutcome };
        pending.get(reply.id)?.(reply.outcome);
        pending.delete(reply.id);
      });
      child.on("exit", (code) => {
        for (const resolve of pending.values()) {
          resolve({ ok: false, errno: `worker exited with ${code}` });
        }
        pending.clear();
      });
      return { child, pending };
    });
  }

  /**
   * Runs `action` as identity `who` with `umask`.
   *
   * @example
   * await pool.call(2, 0o022, { op: "mkdir", path: "a", mode: 0o755 }); // { ok: true }
   */
  call(who: number, umask: number, action: OracleOp): Promise<OracleOutcome> {
    const worker = this.workers[who];
    if (!worker) return Promise.resolve({ ok: false, errno: `no worker ${who}` });
    const id = this.nextId++;
    return new Promise((resolve) => {
      worker.pending.set(id, resolve);
      worker.child.stdin?.write(`${JSON.stringify({ id, umask, action })}\n`);
    });
  }

  /** Stops every worker (they exit when their stdin closes). */
  close(): void {
    for (const { child } of this.workers) child.stdin?.end();
  }
}

/**
 * Empties `root` and gives it `mode`, `uid` and `gid`, as real root.
 *
 * @example
 * resetKernelRoot("/tmp/oracle/root", 0o1777, 0, 0);
 */
export function resetKernelRoot(root: string, mode: number, uid: number, gid: number): void {
  for (const name of fs.readdirSync(root)) {
    fs.rmSync(`${root}/${name}`, { recursive: true, force: true });
  }
  fs.chownSync(root, uid, gid);
  fs.chmodSync(root, mode);
}

function sysctl(name: string): number {
  try {
    return Number(fs.readFileSync(`/proc/sys/fs/${name}`, "utf8").trim()) || 0;
  } catch {
    return 0;
  }
}

/**
 * The host kernel's link protections, so the engine can apply the same.
 *
 * @example
 * hostProtections(); // { symlinks: false, hardlinks: true, regular: 0 }
 */
export function hostProtections(): KernelProtections {
  const regular = sysctl("protected_regular");
  return {
    symlinks: sysctl("protected_symlinks") !== 0,
    hardlinks: sysctl("protected_hardlinks") !== 0,
    regular: regular >= 2 ? 2 : regular === 1 ? 1 : 0,
  };
}

/**
 * Every path below `root` with its state, read by real root.
 *
 * @example
 * kernelSnapshot("/tmp/oracle/root")["a"]; // { mode: 0o40755, uid: 1001, ... }
 */
export function kernelSnapshot(root: string): Record<string, SnapshotEntry> {
  const out: Record<string, SnapshotEntry> = {};
  const rootStats = fs.lstatSync(root);
  out["."] = {
    mode: rootStats.mode,
    uid: rootStats.uid,
    gid: rootStats.gid,
    nlink: rootStats.nlink,
  };
  const visit = (dir: string, prefix: string): void => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = `${dir}/${name}`;
      const path = prefix + name;
      const stats = fs.lstatSync(full);
      const base = { mode: stats.mode, uid: stats.uid, gid: stats.gid, nlink: stats.nlink };
      if (stats.isDirectory()) {
        out[path] = base;
        visit(full, `${path}/`);
      } else if (stats.isSymbolicLink()) {
        out[path] = { ...base, size: stats.size, target: fs.readlinkSync(full) };
      } else {
        out[path] = {
          ...base,
          size: stats.size,
          content: fs.readFileSync(full).toString("latin1"),
        };
      }
    }
  };
  visit(root, "");
  return out;
}
