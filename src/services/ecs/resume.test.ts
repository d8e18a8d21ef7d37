import { describe, expect, it } from "vitest";
import { findContainerRegistration } from "../credentials/container-registrations.js";
import { lambdaTestContext, seedWorld } from "../lambda/seed.test-support.js";
import { HOST_GONE_REASON, HOST_GONE_STOP_CODE } from "./assumptions.js";
import type { LeftoverContainer, LeftoverOutcome } from "./leftover-port.js";
import { ECS_RECORD, type Task } from "./model.js";
import { resumeTasks } from "./resume.js";
import { runTask } from "./run-task.js";
import { readRunTask } from "./run-task-input.js";
import { readTaskDefinition } from "./task-definition-input.js";
import { registerTaskDefinition } from "./task-definitions.js";
import type { TaskLaunch, TaskRunner } from "./task-port.js";
import { listTasks, stopTask } from "./tasks.js";

/**
 * A state as a killed `serve` leaves it: tasks launched through RunTask
 * and reported on by a runner that then vanished; the next runner's
 * `endLeftover` answers from `outcomes` (by pid) and records its calls.
 */
function setup(outcomes: Record<number, LeftoverOutcome> = {}) {
  let now = Date.UTC(2024, 0, 1);
  const launches: TaskLaunch[] = [];
  const asked: LeftoverContainer[] = [];
  const runner: TaskRunner = {
    start: (launch) => launches.push(launch),
    stop: () => undefined,
    close: async () => undefined,
    endLeftover: (container) => {
      asked.push(container);
      return outcomes[container.pid] ?? "gone";
    },
  };
  const base = { ...lambdaTestContext(), clock: () => now };
  const world = seedWorld(base);
  const ctx = { ...base, taskRunner: runner };
  const run = (family: string, withRole: boolean) => {
    registerTaskDefinition(
      ctx,
      readTaskDefinition({
        family,
        ...(withRole ? { taskRoleArn: world.untrustedRoleArn } : {}),
        containerDefinitions: [
          { name: "app", image: "x", command: ["sleep", "300"] },
          { name: "sidecar", image: "y", essential: false, command: ["sleep", "300"] },
        ],
      }),
    );
    runTask(ctx, readRunTask({ taskDefinition: family }));
    return launches.at(-1) as TaskLaunch;
  };
  const task = (launch: TaskLaunch) =>
    ctx.store.records.get<Task>(ECS_RECORD.task, launch.task.taskId) as Task;
  const later = (ms: number) => {
    now += ms;
    return now;
  };
  return { ctx, run, task, asked, later };
}

describe("resumeTasks", () => {
  it("kills a running task's verified containers and records it STOPPED because its host went away", () => {
    const { ctx, run, task, asked, later } = setup({ 101: "ended", 102: "gone" });
    const launch = run("web", true);
    launch.report({ kind: "started", container: "app", pid: 101 });
    launch.report({ kind: "started", container: "sidecar", pid: 102 });
    launch.report({ kind: "output", container: "app", text: "listening\nserving\n" });
    const credentialsId = task(launch).credentialsId ?? "";
    expect(findContainerRegistration(ctx, credentialsId)).toBeDefined();
    expect(task(launch).lastStatus).toBe("RUNNING");
    const at = later(60_000);

    const resumed = resumeTasks(ctx);

    expect(asked).toEqual([
      { pid: 101, taskId: launch.task.taskId, credentialsId },
      { pid: 102, taskId: launch.task.taskId, credentialsId },
    ]);
    expect(resumed.stopped).toEqual([launch.task.taskArn]);
    expect(resumed.containers.map((c) => [c.container, c.pid, c.outcome])).toEqual([
      ["app", 101, "ended"],
      ["sidecar", 102, "gone"],
    ]);
    const stopped = task(launch);
    expect(stopped).toMatchObject({
      lastStatus: "STOPPED",
      desiredStatus: "STOPPED",
      stopCode: HOST_GONE_STOP_CODE,
      stoppedReason: HOST_GONE_REASON,
      stoppingAt: at,
      stoppedAt: at,
    });
    for (const container of stopped.containers) {
      expect(container.lastStatus).toBe("STOPPED");
      expect(container.exitCode).toBeUndefined();
      expect(container.runtimeId).toBeUndefined();
    }
    expect(stopped.containers[0]?.outputTail).toBe("listening\nserving");
    expect(findContainerRegistration(ctx, credentialsId)).toBeUndefined();
    expect(listTasks(ctx, { cluster: "default", desiredStatus: "RUNNING" })).toEqual([]);
    expect(listTasks(ctx, { cluster: "default", desiredStatus: "STOPPED" })).toEqual([
      launch.task.taskArn,
    ]);
  });

  it("recognises a task without a role by its id alone, and leaves foreign processes to the runner's word", () => {
    const { ctx, run, task, asked } = setup({ 201: "foreign" });
    const launch = run("plain", false);
    launch.report({ kind: "started", container: "app", pid: 201 });
    const resumed = resumeTasks(ctx);
    expect(asked).toEqual([{ pid: 201, taskId: launch.task.taskId }]);
    expect(resumed.containers[0]?.outcome).toBe("foreign");
    expect(task(launch).lastStatus).toBe("STOPPED");
  });

  it("keeps what stopped containers and stopping tasks had recorded", () => {
    const { ctx, run, task, asked, later } = setup();
    const launch = run("stopping", false);
    launch.report({ kind: "started", container: "app", pid: 301 });
    launch.report({ kind: "started", container: "sidecar", pid: 302 });
    launch.report({ kind: "exited", container: "sidecar", exitCode: 3 });
    const stoppingAt = later(1_000);
    stopTask(ctx, "default", launch.task.taskArn, "deploying v2");
    const stoppedAt = later(1_000);
    resumeTasks(ctx);
    expect(asked.map((c) => c.pid)).toEqual([301]);
    expect(task(launch)).toMatchObject({
      lastStatus: "STOPPED",
      stopCode: "UserInitiated",
      stoppedReason: "deploying v2",
      stoppingAt,
      stoppedAt,
    });
    expect(task(launch).containers[1]).toMatchObject({ lastStatus: "STOPPED", exitCode: 3 });
  });

  it("ends tasks that never started, leaves STOPPED ones alone and works without a runner", () => {
    const { ctx, run, task, asked } = setup();
    const pending = run("pending", false);
    const done = run("done", false);
    done.report({ kind: "started", container: "app", pid: 401 });
    done.report({ kind: "exited", container: "app", exitCode: 0 });
    done.report({ kind: "exited", container: "sidecar", exitCode: 143 });
    const before = task(done);
    const running = run("orphan", false);
    running.report({ kind: "started", container: "app", pid: 402 });
    const { taskRunner: _gone, ...bare } = ctx;

    const resumed = resumeTasks(bare);

    expect(asked).toEqual([]);
    expect(task(pending)).toMatchObject({ lastStatus: "STOPPED", stopCode: HOST_GONE_STOP_CODE });
    expect(task(pending).containers.map((c) => c.lastStatus)).toEqual(["STOPPED", "STOPPED"]);
    expect(task(done)).toEqual(before);
    expect([...resumed.stopped].sort()).toEqual(
      [pending.task.taskArn, running.task.taskArn].sort(),
    );
    expect(resumed.containers).toEqual([
      { taskArn: running.task.taskArn, container: "app", pid: 402, outcome: "unverifiable" },
    ]);
    expect(resumeTasks(ctx).stopped).toEqual([]);
  });
});
