/**
 * `accesslab run-task TASKDEF [--container NAME] [--endpoint URL]
 * [--subnet ID] [--security-group ID] [--wait | --no-wait]`: runs an ECS
 * task on a running `accesslab serve`. TASKDEF is a JSON file in
 * RegisterTaskDefinition's input shape (registered unless its family's
 * latest revision is the same; a relative `workingDirectory` is taken
 * from the file's directory) or a registered `family[:revision]`. By
 * default it waits: the container's output is streamed as the task runs
 * (polled through DescribeTasks with accesslab's `ACCESSLAB_OUTPUT`
 * include), a task that stops without running (a role ECS cannot assume,
 * a command that cannot start) prints ECS's reason on stderr, and the exit
 * code is the chosen container's (`--container`, else the first essential
 * one); 1 when it has none. Ctrl-C stops the task (StopTask).
 */
import { readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import type { Command } from "commander";
import { CliError } from "../cli-error.js";
import { ServiceCallError } from "../json-call.js";
import { DEFAULT_ENDPOINT } from "./deploy.js";
import { callEcs } from "./run-task-client.js";

/** Exit code when the task stopped without an exit code for the chosen container. */
export const EXIT_NO_EXIT_CODE = 1;

/** How often the task is polled while waiting. */
const POLL_MS = 200;

interface RunTaskOptions {
  readonly container?: string;
  readonly endpoint?: string;
  readonly subnet?: string[];
  readonly securityGroup?: string[];
  readonly wait?: boolean;
}

interface WireContainer {
  readonly name: string;
  readonly lastStatus?: string;
  readonly exitCode?: number;
  readonly reason?: string;
  readonly accesslabOutput?: { text: string; total: number };
}

interface WireTask {
  readonly taskArn: string;
  readonly lastStatus: string;
  readonly stoppedReason?: string;
  readonly stopCode?: string;
  readonly containers: WireContainer[];
}

/**
 * Registers the `run-task` command on `program`.
 *
 * @example
 * registerRunTask(new Command()); // adds `run-task TASKDEF`
 */
export function registerRunTask(program: Command): void {
  program
    .command("run-task")
    .description(
      "run an ECS task's containers on a running `accesslab serve` and stream their output",
    )
    .argument("<taskdef>", "a task definition JSON file, or a registered family[:revision]")
    .option(
      "--container <name>",
      "the container whose exit code is returned (default: the first essential)",
    )
    .option("--endpoint <url>", `server to call (default ${DEFAULT_ENDPOINT})`)
    .option("--subnet <id...>", "subnets for an awsvpc task definition")
    .option("--security-group <id...>", "security groups for an awsvpc task definition")
    .option("--wait", "wait for the task to stop and exit with its exit code (default)")
    .option("--no-wait", "print the task ARN and return at once")
    .action(async (taskdef: string, options: RunTaskOptions) => {
      process.exitCode = await runTaskCommand(taskdef, options);
    });
}

/**
 * Runs the command and returns its exit code.
 *
 * @example
 * const code = await runTaskCommand("examples/tasks/direct.json", { wait: true });
 */
export async function runTaskCommand(taskdef: string, options: RunTaskOptions): Promise<number> {
  const endpoint = options.endpoint ?? DEFAULT_ENDPOINT;
  const definition = await definitionReference(endpoint, taskdef);
  const subnets = options.subnet ?? [];
  const answer = await callEcs(endpoint, "RunTask", {
    taskDefinition: definition.arn,
    count: 1,
    launchType: "FARGATE",
    ...(subnets.length > 0
      ? {
          networkConfiguration: {
            awsvpcConfiguration: { subnets, securityGroups: options.securityGroup ?? [] },
          },
        }
      : {}),
  });
  const task = (answer.tasks as WireTask[] | undefined)?.[0];
  if (!task) throw new CliError("RunTask started no task");
  const chosen = options.container ?? definition.essential;
  if (!definition.names.includes(chosen))
    throw new CliError(
      `container \`${chosen}\` is not in the task definition (${definition.names.join(", ")})`,
    );
  if (options.wait === false) {
    process.stdout.write(`${task.taskArn}\n`);
    return 0;
  }
  return waitForTask(endpoint, task.taskArn, chosen, definition.names.length > 1);
}

async function waitForTask(
  endpoint: string,
  taskArn: string,
  chosen: string,
  prefix: boolean,
): Promise<number> {
  const printed = new Map<string, number>();
  let stopAsked = false;
  const onInterrupt = () => {
    if (stopAsked) return;
    stopAsked = true;
    callEcs(endpoint, "StopTask", {
      task: taskArn,
      reason: "Stopped by accesslab run-task (interrupted)",
    }).catch(() => undefined);
  };
  process.on("SIGINT", onInterrupt);
  try {
    for (;;) {
      const answer = await callEcs(endpoint, "DescribeTasks", {
        tasks: [taskArn],
        include: ["ACCESSLAB_OUTPUT"],
      });
      const task = (answer.tasks as WireTask[] | undefined)?.[0];
      if (!task) throw new CliError(`task \`${taskArn}\` is missing`);
      for (const c of task.containers) printNew(c, printed, prefix);
      if (task.lastStatus === "STOPPED") return finalCode(task, chosen);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  } finally {
    process.off("SIGINT", onInterrupt);
  }
}

function printNew(c: WireContainer, printed: Map<string, number>, prefix: boolean): void {
  const output = c.accesslabOutput;
  if (!output) return;
  const done = printed.get(c.name) ?? 0;
  const fresh = output.total - done;
  if (fresh <= 0) return;
  const text = output.text.slice(Math.max(0, output.text.length - fresh));
  printed.set(c.name, output.total);
  process.stdout.write(prefix ? text.replace(/^(?=.)/gm, `${c.name} | `) : text);
}

function finalCode(task: WireTask, chosen: string): number {
  const container = task.containers.find((c) => c.name === chosen);
  if (container?.exitCode !== undefined) return container.exitCode;
  const why = container?.reason ?? task.stoppedReason ?? "no exit code";
  process.stderr.write(`accesslab: task stopped: ${why}\n`);
  return EXIT_NO_EXIT_CODE;
}

interface DefinitionRef {
  readonly arn: string;
  readonly names: string[];
  readonly essential: string;
}

/** A file is registered (unless unchanged); anything else is a family[:revision] to describe. */
async function definitionReference(endpoint: string, taskdef: string): Promise<DefinitionRef> {
  const input = readDefinitionFile(taskdef);
  if (input === undefined) {
    const answer = await callEcs(endpoint, "DescribeTaskDefinition", { taskDefinition: taskdef });
    return summary(answer.taskDefinition as Record<string, unknown>);
  }
  const family = typeof input.family === "string" ? input.family : "";
  const latest = await callEcs(endpoint, "DescribeTaskDefinition", {
    taskDefinition: family,
  }).catch((error: unknown) => {
    if (error instanceof ServiceCallError && error.code === "ClientException") return undefined;
    throw error;
  });
  const current = latest?.taskDefinition as Record<string, unknown> | undefined;
  if (current && sameDefinition(current, input)) return summary(current);
  const answer = await callEcs(endpoint, "RegisterTaskDefinition", input);
  return summary(answer.taskDefinition as Record<string, unknown>);
}

function readDefinitionFile(taskdef: string): Record<string, unknown> | undefined {
  let isFile = false;
  try {
    isFile = statSync(taskdef).isFile();
  } catch {
    if (taskdef.endsWith(".json")) throw new CliError(`cannot read \`${taskdef}\`: no such file`);
    return undefined;
  }
  if (!isFile) throw new CliError(`\`${taskdef}\` is not a file`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(taskdef, "utf8"));
  } catch (error) {
    throw new CliError(`\`${taskdef}\` is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw new CliError(`\`${taskdef}\`: expected a RegisterTaskDefinition input object`);
  const input = parsed as Record<string, unknown>;
  const containers = input.containerDefinitions;
  if (Array.isArray(containers))
    input.containerDefinitions = containers.map((c: unknown) => {
      const container = c as Record<string, unknown>;
      const dir = container?.workingDirectory;
      return typeof dir === "string" && !isAbsolute(dir)
        ? { ...container, workingDirectory: resolve(dirname(taskdef), dir) }
        : container;
    });
  return input;
}

const COMPARED = [
  "containerDefinitions",
  "taskRoleArn",
  "executionRoleArn",
  "networkMode",
  "cpu",
  "memory",
];

function sameDefinition(current: Record<string, unknown>, input: Record<string, unknown>): boolean {
  const normalize = (d: Record<string, unknown>) =>
    canonical(
      COMPARED.map((k) =>
        k === "containerDefinitions"
          ? ((d[k] as Record<string, unknown>[] | undefined) ?? []).map((c) => ({
              essential: true,
              ...c,
            }))
          : (d[k] ?? null),
      ),
    );
  return normalize(current) === normalize(input);
}

/** JSON text with object keys sorted, so key order does not matter. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value) ?? "null";
}

function summary(definition: Record<string, unknown>): DefinitionRef {
  const containers =
    (definition.containerDefinitions as { name: string; essential?: boolean }[]) ?? [];
  const essential =
    containers.find((c) => c.essential !== false)?.name ?? containers[0]?.name ?? "";
  return {
    arn: String(definition.taskDefinitionArn),
    names: containers.map((c) => c.name),
    essential,
  };
}
