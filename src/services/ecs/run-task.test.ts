import { describe, expect, it } from "vitest";
import { containerCredentials } from "../credentials/container-credentials.js";
import { findContainerRegistration } from "../credentials/container-registrations.js";
import { lambdaTestContext, seedWorld } from "../lambda/seed.test-support.js";
import { thrown } from "../thrown.test-support.js";
import { EcsError } from "./errors.js";
import { ECS_RECORD, type Task } from "./model.js";
import { runTask } from "./run-task.js";
import { readRunTask } from "./run-task-input.js";
import { readTaskDefinition } from "./task-definition-input.js";
import { registerTaskDefinition } from "./task-definitions.js";
import type { TaskLaunch, TaskRunner } from "./task-port.js";

/** A context whose runner only records what it is asked. */
function setup() {
  const launches: TaskLaunch[] = [];
  const stops: string[] = [];
  const runner: TaskRunner = {
    start: (launch) => launches.push(launch),
    stop: (arn) => stops.push(arn),
    close: async () => undefined,
  };
  const base = lambdaTestContext();
  const world = seedWorld(base);
  const ctx = { ...base, taskRunner: runner };
  // seedWorld's "untrusted" role is the one trusting ecs-tasks.amazonaws.com
  const ecsRole = world.untrustedRoleArn;
  const lambdaRole = world.roleArn;
  const register = (taskRoleArn: string) =>
    registerTaskDefinition(
      ctx,
      readTaskDefinition({
        family: "app",
        taskRoleArn,
        containerDefinitions: [
          { name: "app", image: "x", command: ["node"], environment: [{ name: "A", value: "1" }] },
          { name: "sidecar", image: "y", essential: false, command: ["sleep", "9"] },
        ],
      }),
    );
  const task = (id: string) => ctx.store.records.get<Task>(ECS_RECORD.task, id);
  return { ctx, launches, stops, ecsRole, lambdaRole, register, task };
}

describe("runTask", () => {
  it("registers the task role's credentials and hands the containers, overrides applied, to the runner", () => {
    const { ctx, launches, ecsRole, register } = setup();
    register(ecsRole);
    const { tasks } = runTask(
      ctx,
      readRunTask({
        taskDefinition: "app",
        overrides: {
          containerOverrides: [
            { name: "app", command: ["node", "x.mjs"], environment: [{ name: "A", value: "2" }] },
          ],
        },
      }),
    );
    const launch = launches[0];
    expect(launch?.task.taskArn).toBe(tasks[0]?.taskArn);
    expect(launch?.containers[0]?.command).toEqual(["node", "x.mjs"]);
    expect(launch?.containers[0]?.environment).toEqual({ A: "2" });
    expect(launch?.containers[1]?.command).toEqual(["sleep", "9"]);
    const id = launch?.credentials?.id ?? "";
    const registration = findContainerRegistration(ctx, id);
    expect(registration?.taskId).toBe(tasks[0]?.taskId);
    const document = containerCredentials(ctx, id, launch?.credentials?.authorizationToken);
    expect(document.RoleArn).toBe(ecsRole);
  });

  it("stops the task with ECS's reason when the role does not trust ecs-tasks.amazonaws.com", () => {
    const { ctx, launches, lambdaRole, register, task } = setup();
    register(lambdaRole);
    const { tasks } = runTask(ctx, readRunTask({ taskDefinition: "app:1" }));
    expect(launches).toHaveLength(0);
    const stored = task(tasks[0]?.taskId ?? "");
    expect(stored?.lastStatus).toBe("STOPPED");
    expect(stored?.stopCode).toBe("TaskFailedToStart");
    expect(stored?.stoppedReason).toContain(`ECS was unable to assume the role '${lambdaRole}'`);
  });

  it("records the runner's reports: RUNNING, then the essential exit stops the rest", () => {
    const { ctx, launches, stops, ecsRole, register, task } = setup();
    register(ecsRole);
    const { tasks } = runTask(ctx, readRunTask({ taskDefinition: "app" }));
    const launch = launches[0] as TaskLaunch;
    const id = tasks[0]?.taskId ?? "";
    launch.report({ kind: "started", container: "app", pid: 10 });
    expect(task(id)?.lastStatus).toBe("PROVISIONING");
    launch.report({ kind: "started", container: "sidecar", pid: 11 });
    expect(task(id)?.lastStatus).toBe("RUNNING");
    launch.report({ kind: "output", container: "app", text: "boom\n" });
    launch.report({ kind: "exited", container: "app", exitCode: 2 });
    expect(stops).toEqual([launch.task.taskArn]);
    expect(task(id)?.desiredStatus).toBe("STOPPED");
    expect(task(id)?.containers[0]).toMatchObject({
      exitCode: 2,
      reason: "boom",
      lastStatus: "STOPPED",
    });
    expect(findContainerRegistration(ctx, launch.credentials?.id ?? "")).toBeDefined();
    launch.report({ kind: "exited", container: "sidecar", exitCode: 143 });
    expect(task(id)).toMatchObject({
      lastStatus: "STOPPED",
      stoppedReason: "Essential container in task exited",
      stopCode: "EssentialContainerExited",
    });
    expect(findContainerRegistration(ctx, launch.credentials?.id ?? "")).toBeUndefined();
  });

  it("refuses unknown clusters, definitions and override names, and runs nothing without a runner", () => {
    const { ctx, ecsRole, register } = setup();
    register(ecsRole);
    expect(
      thrown(EcsError, () => runTask(ctx, readRunTask({ cluster: "prod", taskDefinition: "app" })))
        .code,
    ).toBe("ClusterNotFoundException");
    expect(
      thrown(EcsError, () => runTask(ctx, readRunTask({ taskDefinition: "other" }))).message,
    ).toBe("TaskDefinition not found.");
    expect(
      thrown(EcsError, () =>
        runTask(
          ctx,
          readRunTask({
            taskDefinition: "app",
            overrides: { containerOverrides: [{ name: "web" }] },
          }),
        ),
      ).message,
    ).toBe("Override for container named web is not a container in the TaskDefinition.");
    const { taskRunner: _none, ...bare } = ctx;
    expect(thrown(EcsError, () => runTask(bare, readRunTask({ taskDefinition: "app" }))).code).toBe(
      "ServerException",
    );
  });
});
