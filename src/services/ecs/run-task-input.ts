/**
 * Reading RunTask's input: the cluster (name or ARN, `default` when
 * absent), the task definition reference, `count` (1 to 10), the launch
 * type, the container overrides (command and environment per container
 * name, and a task role override) and the `awsvpc` network configuration
 * (subnets required when given, security groups).
 */
import { clusterName } from "./arn.js";
import { invalidParameter } from "./errors.js";
import {
  type Input,
  keyValuePairs,
  optionalInteger,
  optionalObject,
  optionalObjects,
  optionalString,
  optionalStrings,
  requiredString,
} from "./input.js";
import type { KeyValuePair } from "./model.js";

/** One `containerOverrides` entry. */
export interface ContainerOverride {
  readonly name: string;
  readonly command?: readonly string[];
  readonly environment?: readonly KeyValuePair[];
}

/** A RunTask call. */
export interface RunTaskRequest {
  readonly cluster: string;
  readonly taskDefinition: string;
  readonly count: number;
  readonly launchType: string;
  readonly containerOverrides: readonly ContainerOverride[];
  readonly taskRoleArn?: string;
  /** `awsvpcConfiguration.subnets`, when a network configuration was given. */
  readonly subnets?: readonly string[];
  readonly securityGroups?: readonly string[];
  readonly startedBy?: string;
  readonly group?: string;
}

/** The launch types RunTask accepts. */
const LAUNCH_TYPES = ["FARGATE", "EC2", "EXTERNAL"];

/**
 * Reads a RunTask input.
 *
 * @example
 * readRunTask({ taskDefinition: "app:1" }).cluster; // "default"
 */
export function readRunTask(input: Input): RunTaskRequest {
  const launchType = optionalString(input, "launchType") ?? "FARGATE";
  if (!LAUNCH_TYPES.includes(launchType))
    throw invalidParameter(
      `\`launchType\` \`${launchType}\` is not one of ${LAUNCH_TYPES.join(", ")}`,
    );
  const overrides = optionalObject(input, "overrides");
  const containerOverrides =
    (overrides ? optionalObjects(overrides, "containerOverrides", "overrides") : undefined) ?? [];
  const taskRoleArn = overrides ? optionalString(overrides, "taskRoleArn", "overrides") : undefined;
  const startedBy = optionalString(input, "startedBy");
  const group = optionalString(input, "group");
  return {
    cluster: clusterName(optionalString(input, "cluster")),
    taskDefinition: requiredString(input, "taskDefinition"),
    count: optionalInteger(input, "count", 1, 10) ?? 1,
    launchType,
    containerOverrides: containerOverrides.map((o, i) =>
      readOverride(o, `overrides.containerOverrides[${i}]`),
    ),
    ...(taskRoleArn ? { taskRoleArn } : {}),
    ...network(input),
    ...(startedBy !== undefined ? { startedBy } : {}),
    ...(group !== undefined ? { group } : {}),
  };
}

function readOverride(o: Input, path: string): ContainerOverride {
  const command = optionalStrings(o, "command", path);
  const environment = keyValuePairs(o, "environment", path);
  return {
    name: requiredString(o, "name", path),
    ...(command ? { command } : {}),
    ...(environment ? { environment } : {}),
  };
}

function network(input: Input): { subnets?: string[]; securityGroups?: string[] } {
  const config = optionalObject(input, "networkConfiguration");
  if (config === undefined) return {};
  const awsvpc = optionalObject(config, "awsvpcConfiguration", "networkConfiguration");
  if (awsvpc === undefined) return {};
  const path = "networkConfiguration.awsvpcConfiguration";
  const subnets = optionalStrings(awsvpc, "subnets", path) ?? [];
  if (subnets.length === 0) throw invalidParameter("subnets can not be empty.");
  const securityGroups = optionalStrings(awsvpc, "securityGroups", path);
  return { subnets, ...(securityGroups ? { securityGroups } : {}) };
}
