/**
 * What a task becomes when its host goes away (the `serve` that ran it
 * stopped or was killed): STOPPED, as ECS shows a task whose container
 * instance is gone. Containers that had not stopped become STOPPED with
 * no exit code (nobody saw them exit) and keep the end of their output;
 * those that had stopped keep what they recorded. A task that was
 * already stopping (StopTask, an essential container's exit) keeps its
 * stop code and reason; any other gets {@link HOST_GONE_STOP_CODE} and
 * {@link HOST_GONE_REASON}.
 */
import { HOST_GONE_REASON, HOST_GONE_STOP_CODE } from "./assumptions.js";
import type { ContainerState, Task } from "./model.js";

/**
 * The task, STOPPED because its host went away at `now`.
 *
 * @example
 * hostGoneTask(task, Date.now(), () => "").stopCode; // "TerminationNotice"
 */
export function hostGoneTask(task: Task, now: number, tailOf: (container: string) => string): Task {
  const containers = task.containers.map((c) => stoppedContainer(c, tailOf(c.name)));
  const stopping = task.desiredStatus === "STOPPED" && task.stopCode !== undefined;
  return {
    ...task,
    containers,
    lastStatus: "STOPPED",
    desiredStatus: "STOPPED",
    stoppingAt: task.stoppingAt ?? now,
    stoppedAt: now,
    stopCode: stopping ? task.stopCode : HOST_GONE_STOP_CODE,
    stoppedReason: stopping ? (task.stoppedReason ?? HOST_GONE_REASON) : HOST_GONE_REASON,
  };
}

function stoppedContainer(container: ContainerState, tail: string): ContainerState {
  if (container.lastStatus === "STOPPED") return container;
  const { runtimeId: _gone, exitCode: _none, ...rest } = container;
  return { ...rest, lastStatus: "STOPPED", ...(tail !== "" ? { outputTail: tail } : {}) };
}
