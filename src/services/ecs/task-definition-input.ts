/**
 * Reading RegisterTaskDefinition's input into a revision-less task
 * definition: the family, the container definitions (name, image,
 * command, entryPoint, environment, user, essential, workingDirectory)
 * and the task-level settings. ECS's own rules are checked here with its
 * codes and, where known, its messages: every container needs a name and
 * an image, names are unique, at least one container is essential, and a
 * FARGATE task definition needs `awsvpc` networking and task-level cpu
 * and memory.
 */
import { isFamilyName } from "./arn.js";
import { clientException, invalidParameter } from "./errors.js";
import {
  type Input,
  keyValuePairs,
  optionalBoolean,
  optionalObjects,
  optionalString,
  optionalStrings,
  requiredString,
} from "./input.js";
import type { ContainerDefinition, TaskDefinition } from "./model.js";

/** A task definition before it gets its revision, ARN and status. */
export type TaskDefinitionRequest = Omit<
  TaskDefinition,
  "taskDefinitionArn" | "revision" | "status" | "registeredAt" | "deregisteredAt"
>;

const NAME = /^[A-Za-z0-9_-]{1,255}$/;
const USER = /^[^:\s]+(?::[^:\s]+)?$/;
const ROLE_ARN = /^arn:aws:iam::\d{12}:role\/\S+$/;

/**
 * Reads and checks a RegisterTaskDefinition input.
 *
 * @example
 * readTaskDefinition({ family: "app", containerDefinitions: [{ name: "app", image: "node:20" }] }).family; // "app"
 */
export function readTaskDefinition(input: Input): TaskDefinitionRequest {
  const family = requiredString(input, "family");
  if (!isFamilyName(family))
    throw clientException(
      `family \`${family}\` is not valid: up to 255 letters, numbers, hyphens and underscores`,
    );
  const list = optionalObjects(input, "containerDefinitions") ?? [];
  if (list.length === 0) throw invalidParameter("`containerDefinitions` is required");
  const containerDefinitions = list.map((c, i) => readContainer(c, `containerDefinitions[${i}]`));
  const names = new Set<string>();
  for (const c of containerDefinitions) {
    if (names.has(c.name))
      throw clientException(`container name \`${c.name}\` is used more than once`);
    names.add(c.name);
  }
  if (!containerDefinitions.some((c) => c.essential))
    throw clientException("at least one container of a task definition must be essential");
  const request: TaskDefinitionRequest = {
    family,
    containerDefinitions,
    ...roles(input),
    ...strings(input, ["networkMode", "cpu", "memory"]),
    ...compatibilities(input),
  };
  checkFargate(request);
  return request;
}

function readContainer(c: Input, path: string): ContainerDefinition {
  const name = optionalString(c, "name", path);
  if (!name) throw clientException("Container.name should not be null or empty.");
  if (!NAME.test(name))
    throw clientException(
      `container name \`${name}\` is not valid: up to 255 letters, numbers, hyphens and underscores`,
    );
  const image = optionalString(c, "image", path);
  if (!image) throw clientException("Container.image should not be null or empty.");
  const user = optionalString(c, "user", path);
  if (user !== undefined && !USER.test(user))
    throw clientException(
      `container \`${name}\`: user \`${user}\` is not valid: expected user, user:group, uid or uid:gid`,
    );
  const command = optionalStrings(c, "command", path);
  const entryPoint = optionalStrings(c, "entryPoint", path);
  const environment = keyValuePairs(c, "environment", path);
  const workingDirectory = optionalString(c, "workingDirectory", path);
  return {
    name,
    image,
    essential: optionalBoolean(c, "essential", path) ?? true,
    ...(command ? { command } : {}),
    ...(entryPoint ? { entryPoint } : {}),
    ...(environment ? { environment } : {}),
    ...(user !== undefined ? { user } : {}),
    ...(workingDirectory !== undefined ? { workingDirectory } : {}),
  };
}

function roles(input: Input): { taskRoleArn?: string; executionRoleArn?: string } {
  const out: { taskRoleArn?: string; executionRoleArn?: string } = {};
  for (const field of ["taskRoleArn", "executionRoleArn"] as const) {
    const value = optionalString(input, field);
    if (value === undefined || value === "") continue;
    if (!ROLE_ARN.test(value))
      throw clientException(
        `\`${field}\` \`${value}\` is not a role ARN: expected arn:aws:iam::<account>:role/<name>`,
      );
    out[field] = value;
  }
  return out;
}

function strings(input: Input, fields: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of fields) {
    const value = optionalString(input, field);
    if (value !== undefined) out[field] = value;
  }
  return out;
}

function compatibilities(input: Input): { requiresCompatibilities?: string[] } {
  const list = optionalStrings(input, "requiresCompatibilities");
  if (list === undefined) return {};
  for (const item of list)
    if (!["EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES"].includes(item))
      throw invalidParameter(
        `\`requiresCompatibilities\` value \`${item}\` is not one of EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES`,
      );
  return { requiresCompatibilities: list };
}

function checkFargate(request: TaskDefinitionRequest): void {
  if (!request.requiresCompatibilities?.includes("FARGATE")) return;
  if (request.networkMode !== "awsvpc")
    throw clientException("Fargate only supports network mode 'awsvpc'.");
  if (request.cpu === undefined)
    throw clientException("Fargate requires that 'cpu' be defined at the task level.");
  if (request.memory === undefined)
    throw clientException("Fargate requires that 'memory' be defined at the task level.");
}
