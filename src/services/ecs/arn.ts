/**
 * ECS resource names: cluster, task definition and task ARNs in the
 * account and Region of the context (`arn:aws:ecs:<region>:<account>:…`),
 * and reading a task definition reference (`family`, `family:revision` or
 * a full ARN) or a cluster reference (name or ARN).
 */
import type { ServiceContext } from "../context.js";
import { invalidParameter } from "./errors.js";

/**
 * The ARN of a cluster.
 *
 * @example
 * clusterArn(ctx, "default"); // "arn:aws:ecs:us-east-1:000000000000:cluster/default"
 */
export function clusterArn(ctx: ServiceContext, cluster: string): string {
  return `arn:aws:ecs:${ctx.region}:${ctx.account}:cluster/${cluster}`;
}

/**
 * The ARN of a task definition revision.
 *
 * @example
 * taskDefinitionArn(ctx, "app", 3); // "arn:aws:ecs:us-east-1:000000000000:task-definition/app:3"
 */
export function taskDefinitionArn(ctx: ServiceContext, family: string, revision: number): string {
  return `arn:aws:ecs:${ctx.region}:${ctx.account}:task-definition/${family}:${revision}`;
}

/**
 * The ARN of a task (the long ARN format, with the cluster name).
 *
 * @example
 * taskArn(ctx, "default", "0123…"); // "arn:aws:ecs:us-east-1:000000000000:task/default/0123…"
 */
export function taskArn(ctx: ServiceContext, cluster: string, taskId: string): string {
  return `arn:aws:ecs:${ctx.region}:${ctx.account}:task/${cluster}/${taskId}`;
}

/** A task definition reference: a family and, unless it means the latest ACTIVE one, a revision. */
export interface TaskDefinitionRef {
  readonly family: string;
  readonly revision?: number;
}

const FAMILY = /^[A-Za-z0-9_-]{1,255}$/;
const REF =
  /^(?:arn:aws:ecs:[a-z0-9-]+:\d{12}:task-definition\/)?([A-Za-z0-9_-]{1,255})(?::(\d+))?$/;

/**
 * Reads `family`, `family:revision` or a task definition ARN.
 *
 * @example
 * parseTaskDefinitionRef("app:2"); // { family: "app", revision: 2 }
 */
export function parseTaskDefinitionRef(text: string): TaskDefinitionRef {
  const match = REF.exec(text);
  if (!match?.[1])
    throw invalidParameter(
      `task definition \`${text}\` is not a family, family:revision or task definition ARN`,
    );
  return match[2] === undefined
    ? { family: match[1] }
    : { family: match[1], revision: Number(match[2]) };
}

/**
 * Whether a family name is valid (up to 255 letters, digits, hyphens and underscores).
 *
 * @example
 * isFamilyName("my-app_1"); // true
 */
export function isFamilyName(text: string): boolean {
  return FAMILY.test(text);
}

/**
 * The cluster name of a cluster name or ARN (absent: `default`).
 *
 * @example
 * clusterName(undefined); // "default"
 * clusterName("arn:aws:ecs:us-east-1:000000000000:cluster/prod"); // "prod"
 */
export function clusterName(reference: string | undefined): string {
  if (reference === undefined || reference === "") return "default";
  const match = /^arn:aws:ecs:[a-z0-9-]+:\d{12}:cluster\/(.+)$/.exec(reference);
  return match?.[1] ?? reference;
}
