/**
 * What Linux's `/proc/<pid>` says about a process: its state and its
 * process group (`stat`), and its arguments (`cmdline`). A zombie (state `Z`) has exited, whatever `kill(pid, 0)`
 * says, and stays listed until reaped, which under a container's init may
 * be never; so "is it running" means "listed and not a zombie". The
 * command name in parentheses may hold spaces and parentheses, so the
 * fields are read after its last `)`. Without `/proc` nothing is known.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** A process's state letter and process group id. */
export interface ProcStat {
  readonly state: string;
  readonly pgrp: number;
}

/**
 * The state and process group of `pid`, or undefined when it is not listed.
 *
 * @example
 * procStat(process.pid); // { state: "R", pgrp: 4242 }
 */
export function procStat(pid: number | string, proc = "/proc"): ProcStat | undefined {
  let stat: string;
  try {
    stat = readFileSync(join(proc, String(pid), "stat"), "utf8");
  } catch {
    return undefined;
  }
  // "pid (comm) state ppid pgrp …"
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { state: fields[0] ?? "", pgrp: Number(fields[2]) };
}

/**
 * Whether `pid` is a listed process that has not exited (not a zombie).
 *
 * @example
 * isRunning(process.pid); // true
 */
export function isRunning(pid: number, proc = "/proc"): boolean {
  const stat = procStat(pid, proc);
  return stat !== undefined && stat.state !== "Z";
}

/**
 * The running (not zombie) processes whose process group id is `pgid`.
 *
 * @example
 * runningGroupMembers(child.pid); // [child.pid, …]
 */
export function runningGroupMembers(pgid: number, proc = "/proc"): number[] {
  const members: number[] = [];
  for (const name of readdirSync(proc)) {
    if (!/^\d+$/.test(name)) continue;
    const stat = procStat(name, proc);
    if (stat !== undefined && stat.state !== "Z" && stat.pgrp === pgid) members.push(Number(name));
  }
  return members;
}

/**
 * The arguments `pid` was started with, or undefined when it is not listed (or there is no `/proc`).
 *
 * @example
 * procArguments(smbdPid); // ["/usr/sbin/smbd", "--foreground", "--no-process-group", "-s", "/…/smb.conf"]
 */
export function procArguments(pid: number, proc = "/proc"): string[] | undefined {
  try {
    // each argument ends with a NUL, the last one too
    return readFileSync(join(proc, String(pid), "cmdline"), "utf8")
      .replace(/\0$/, "")
      .split("\0");
  } catch {
    return undefined;
  }
}
