/**
 * An `smbd` left running by an accesslab that was killed outright
 * (SIGKILL, a crash): it still holds the file system's port and pid file,
 * so a new `smbd` for the same file system exits at once, again and
 * again. Before starting one, the instance looks for such an orphan: the
 * process named by the pid file smbd keeps in the instance's own pid
 * directory, if it still runs with this instance's configuration file on
 * its command line (so an unrelated process that reused the pid is never
 * touched). Its process group is ended as a stop would end it: SIGTERM,
 * then SIGKILL after the grace period. Linux only (`/proc`); elsewhere
 * nothing is found.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { killGroup } from "../process/kill-group.js";
import { isRunning, procArguments } from "../process/proc-stat.js";
import type { SambaPaths } from "./samba-paths.js";

/** How often the orphan is looked at while it exits. */
const POLL_MS = 50;

/**
 * The pid of an orphaned smbd of `paths`, if one runs.
 *
 * @example
 * orphanSmbd(sambaPaths(root, "fs-0123456789abcdef0")); // 4242, or undefined
 */
export function orphanSmbd(paths: SambaPaths): number | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(join(paths.pid, "smbd.pid"), "utf8").trim());
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 1 || pid === process.pid) return undefined;
  return procArguments(pid)?.includes(paths.config) ? pid : undefined;
}

/**
 * Ends the orphaned smbd of `paths`, if any; resolves once it is gone. Answers its pid.
 *
 * @example
 * await endOrphanSmbd(paths, 3000); // 4242: it was running and is stopped now
 */
export async function endOrphanSmbd(
  paths: SambaPaths,
  graceMs: number,
): Promise<number | undefined> {
  const pid = orphanSmbd(paths);
  if (pid === undefined) return undefined;
  killGroup(pid, "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (isRunning(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, POLL_MS));
  killGroup(pid, "SIGKILL");
  while (isRunning(pid)) await new Promise((r) => setTimeout(r, POLL_MS));
  return pid;
}
