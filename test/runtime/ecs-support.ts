/**
 * Test support for the ECS runtime suites: the whoami example's pieces
 * created through real SDK clients (the task role trusting
 * `ecs-tasks.amazonaws.com`, a role that trusts only Lambda, a VPC and a
 * subnet), the example task definition files read with their working
 * directory made absolute, and waiting for a task to stop while reading
 * its captured output through accesslab's DescribeTasks extension.
 */
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { CreateSubnetCommand, CreateVpcCommand, type EC2Client } from "@aws-sdk/client-ec2";
import {
  DescribeTasksCommand,
  type ECSClient,
  RegisterTaskDefinitionCommand,
  type RegisterTaskDefinitionCommandInput,
  RunTaskCommand,
  type Task,
} from "@aws-sdk/client-ecs";
import { CreateRoleCommand, type IAMClient } from "@aws-sdk/client-iam";
import { callEcs } from "../../src/cli/commands/run-task-client.js";
import { trustPolicy } from "../serve/harness.js";

/** The example directory. */
export const TASKS_DIR = resolve("examples/tasks");

/** What {@link seedWhoami} created. */
export interface Whoami {
  readonly taskRoleArn: string;
  readonly lambdaOnlyRoleArn: string;
  readonly subnetId: string;
}

/**
 * Creates the example's roles and subnet.
 *
 * @example
 * const whoami = await seedWhoami(server.iam(), new EC2Client(server.config()));
 */
export async function seedWhoami(iam: IAMClient, ec2: EC2Client): Promise<Whoami> {
  const role = async (name: string, service: string) =>
    (
      await iam.send(
        new CreateRoleCommand({
          RoleName: name,
          AssumeRolePolicyDocument: trustPolicy({ Service: service }),
        }),
      )
    ).Role?.Arn ?? "";
  const taskRoleArn = await role("whoami-task", "ecs-tasks.amazonaws.com");
  const lambdaOnlyRoleArn = await role("whoami-lambda-only", "lambda.amazonaws.com");
  const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16" }));
  const subnet = await ec2.send(
    new CreateSubnetCommand({
      VpcId: vpc.Vpc?.VpcId ?? "",
      CidrBlock: "10.0.1.0/24",
      AvailabilityZone: "us-east-1a",
    }),
  );
  return { taskRoleArn, lambdaOnlyRoleArn, subnetId: subnet.Subnet?.SubnetId ?? "" };
}

/**
 * An example task definition file as RegisterTaskDefinition input, its working directory absolute.
 *
 * @example
 * const input = exampleDefinition("direct.json");
 */
export function exampleDefinition(file: string): RegisterTaskDefinitionCommandInput {
  const input = JSON.parse(
    readFileSync(join(TASKS_DIR, file), "utf8"),
  ) as RegisterTaskDefinitionCommandInput;
  return {
    ...input,
    containerDefinitions: (input.containerDefinitions ?? []).map((c) => ({
      ...c,
      workingDirectory: TASKS_DIR,
    })),
  };
}

/**
 * Registers a definition and runs one task of it in the subnet; returns the task ARN.
 *
 * @example
 * const arn = await runDefinition(ecs, input, whoami.subnetId);
 */
export async function runDefinition(
  ecs: ECSClient,
  input: RegisterTaskDefinitionCommandInput,
  subnetId: string,
): Promise<string> {
  const registered = await ecs.send(new RegisterTaskDefinitionCommand(input));
  const run = await ecs.send(
    new RunTaskCommand({
      taskDefinition: registered.taskDefinition?.taskDefinitionArn ?? "",
      launchType: "FARGATE",
      networkConfiguration: { awsvpcConfiguration: { subnets: [subnetId] } },
    }),
  );
  return run.tasks?.[0]?.taskArn ?? "";
}

/**
 * Polls DescribeTasks until the task is in `status` (default STOPPED), up to `timeoutMs`.
 *
 * @example
 * const task = await waitForStatus(ecs, arn);
 */
export async function waitForStatus(
  ecs: ECSClient,
  taskArn: string,
  status = "STOPPED",
  timeoutMs = 30_000,
): Promise<Task> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await ecs.send(new DescribeTasksCommand({ tasks: [taskArn] }));
    const task = answer.tasks?.[0];
    if (task?.lastStatus === status || Date.now() > deadline) {
      if (!task) throw new Error(`task ${taskArn} is missing`);
      return task;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The captured output of a task's container (accesslab's DescribeTasks extension).
 *
 * @example
 * await containerText(server.running.endpoint, arn, "app"); // "uid 0: arn:aws:sts::…\n"
 */
export async function containerText(
  endpoint: string,
  taskArn: string,
  container: string,
): Promise<string> {
  const answer = await callEcs(endpoint, "DescribeTasks", {
    tasks: [taskArn],
    include: ["ACCESSLAB_OUTPUT"],
  });
  const task = (
    answer.tasks as { containers: { name: string; accesslabOutput?: { text: string } }[] }[]
  )[0];
  return task?.containers.find((c) => c.name === container)?.accesslabOutput?.text ?? "";
}

/**
 * Stops a spawned `accesslab serve` the way a user does (SIGTERM), so it
 * closes its runners and removes their scratch and socket directories;
 * gives up after `timeoutMs` (the caller then kills what is left).
 *
 * @example
 * afterAll(async () => { await stopServe(serve); killCliProcesses(); });
 */
export async function stopServe(
  serve: { readonly child: ChildProcess; readonly exited: Promise<unknown> } | undefined,
  timeoutMs = 5_000,
): Promise<void> {
  if (!serve || serve.child.exitCode !== null) return;
  serve.child.kill("SIGTERM");
  await Promise.race([serve.exited, new Promise((r) => setTimeout(r, timeoutMs))]);
}
