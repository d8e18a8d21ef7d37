import { describe, expect, it } from "vitest";
import { lambdaTestContext } from "../lambda/seed.test-support.js";
import { HOST_GONE_REASON, HOST_GONE_STOP_CODE } from "./assumptions.js";
import { ECS_RECORD, type Task } from "./model.js";
import { runTask } from "./run-task.js";
import { readRunTask } from "./run-task-input.js";
import { stopTasksForShutdown } from "./shutdown.js";
import { readTaskDefinition } from "./task-definition-input.js";
import { registerTaskDefinition } from "./task-definitions.js";
import type { TaskLaunch, TaskRunner } from "./task-port.js";
import { stopTask } from "./tasks.js";

function setup() {
  const launches: TaskLaunch[] = [];
  const stops: string[] = [];
  const runner: TaskRunner = {
    start: (launch) => launches.push(launch),
    stop: (arn) => stops.push(arn),
    close: async () => undefined,
  };
  const ctx = { ...lambdaTestContext(), taskRunner: runner };
  registerTaskDefinition(
    ctx,
    readTaskDefinition({
      family: "app",
      containerDefinitions: [{ name: "app", image: "x", command: ["sleep", "300"] }],
    }),
  );
  const run = () => {
    runTask(ctx, readRunTask({ taskDefinition: "app" }));
    return launches.at(-1) as TaskLaunch;
  };
  const task = (launch: TaskLaunch) =>
    ctx.store.records.get<Task>(ECS_RECORD.task, launch.task.taskId) as Task;
  return { ctx, run, task, stops };
}

describe("stopTasksForShutdown", () => {
  it("makes the runner's kill end the task as the host's doing, not the container's", () => {
    const { ctx, run, task, stops } = setup();
    const launch = run();
    launch.report({ kind: "started", container: "app", pid: 10 });
    expect(stopTasksForShutdown(ctx)).toEqual([launch.task.taskArn]);
    expect(task(launch)).toMatchObject({
      lastStatus: "RUNNING",
      desiredStatus: "STOPPED",
      stopCode: HOST_GONE_STOP_CODE,
    });
    // the runner closes: SIGKILL, Docker's 137
    launch.report({ kind: "exited", container: "app", exitCode: 137 });
    expect(task(launch)).toMatchObject({
      lastStatus: "STOPPED",
      stopCode: HOST_GONE_STOP_CODE,
      stoppedReason: HOST_GONE_REASON,
    });
    expect(task(launch).containers[0]?.exitCode).toBe(137);
    expect(stops).toEqual([]);
  });

  it("leaves stopped and already stopping tasks as they are", () => {
    const { ctx, run, task } = setup();
    const stopping = run();
    stopping.report({ kind: "started", container: "app", pid: 11 });
    stopTask(ctx, "default", stopping.task.taskArn, "by hand");
    const done = run();
    done.report({ kind: "started", container: "app", pid: 12 });
    done.report({ kind: "exited", container: "app", exitCode: 0 });
    const before = [task(stopping), task(done)];
    const pending = run();
    expect(stopTasksForShutdown(ctx)).toEqual([pending.task.taskArn]);
    expect([task(stopping), task(done)]).toEqual(before);
    expect(task(stopping).stopCode).toBe("UserInitiated");
    expect(task(done).stopCode).toBe("EssentialContainerExited");
  });
});
