/**
 * Signalling a whole process tree: a workload started `detached` leads its
 * own process group, so a signal to the negative pid reaches every process
 * it started (shells, `su`, the app), not only the one accesslab spawned.
 * A group that is already gone is not an error.
 */

/**
 * Sends `signal` to the process group led by `pid`; returns whether the group existed.
 *
 * @example
 * killGroup(child.pid, "SIGTERM"); // true while any process of the group lives
 */
export function killGroup(pid: number | undefined, signal: NodeJS.Signals = "SIGKILL"): boolean {
  if (pid === undefined || pid <= 0) return false;
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}
