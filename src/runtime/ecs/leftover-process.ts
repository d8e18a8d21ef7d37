/**
 * Recognising and ending a container process group an earlier accesslab
 * left running (its `serve` was killed, so nothing stopped the group). A
 * container's main process was spawned detached, so it led a process
 * group whose id is its pid; the group may have lost its leader since,
 * and the pid may have been reused by anything. So the group is killed
 * only when one of its live members (every process in `/proc` whose
 * process group id is the recorded pid) carries the task's marks in its
 * `/proc/<pid>/environ` (see `task-marks.ts`); the kernel never hands out
 * a pid that is still some group's id, so a marked member proves the
 * group is the task's. Needs `/proc` (Linux) and the right to read other
 * processes' environments (root, or the same user); elsewhere nothing is
 * killed and the outcome is `unverifiable`.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { LeftoverContainer, LeftoverOutcome } from "../../services/ecs/leftover-port.js";
import { killGroup } from "../process/kill-group.js";
import { runningGroupMembers } from "../process/proc-stat.js";
import { carriesTaskMarks } from "./task-marks.js";

/** Where to look and how to kill (tests point them elsewhere). */
export interface LeftoverOptions {
  /** The proc file system (default `/proc`). */
  readonly proc?: string;
  /** Kills a process group by its id (default: SIGKILL to the group). */
  readonly killGroup?: (pgid: number) => void;
}

/**
 * Kills the container's process group when a live member carries the task's marks.
 *
 * @example
 * endLeftoverContainer({ pid: 4242, taskId: "0f3c…", credentialsId: "9a…" }); // "ended"
 */
export function endLeftoverContainer(
  container: LeftoverContainer,
  options: LeftoverOptions = {},
): LeftoverOutcome {
  const proc = options.proc ?? "/proc";
  if (!existsSync(join(proc, "self", "stat")) && !existsSync(join(proc, "1", "stat")))
    return "unverifiable";
  const members = runningGroupMembers(container.pid, proc);
  if (members.length === 0) return "gone";
  const marked = members.some((pid) => {
    const environ = readText(join(proc, String(pid), "environ"));
    return environ !== undefined && carriesTaskMarks(environ, container);
  });
  if (!marked) return "foreign";
  (options.killGroup ?? ((pgid: number) => killGroup(pgid, "SIGKILL")))(container.pid);
  return "ended";
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}
