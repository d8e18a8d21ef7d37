/**
 * Task definition revisions: RegisterTaskDefinition gives a family its
 * next revision (numbers are never reused, even after deregistration),
 * DescribeTaskDefinition and RunTask find one by `family` (the latest
 * ACTIVE revision), `family:revision` or ARN, ListTaskDefinitions lists
 * ARNs by family and status, and DeregisterTaskDefinition marks a
 * revision INACTIVE (it stays describable; new tasks cannot use it).
 */
import type { ServiceContext } from "../context.js";
import { parseTaskDefinitionRef, taskDefinitionArn } from "./arn.js";
import { clientException } from "./errors.js";
import { ECS_RECORD, type TaskDefinition } from "./model.js";
import type { TaskDefinitionRequest } from "./task-definition-input.js";

/**
 * Registers the next revision of the request's family.
 *
 * @example
 * registerTaskDefinition(ctx, readTaskDefinition(input)).revision; // 1
 */
export function registerTaskDefinition(
  ctx: ServiceContext,
  request: TaskDefinitionRequest,
): TaskDefinition {
  return ctx.store.transaction(() => {
    const last = ctx.store.records.get<{ revision: number }>(
      ECS_RECORD.familyRevision,
      request.family,
    );
    const revision = (last?.revision ?? 0) + 1;
    const definition: TaskDefinition = {
      ...request,
      taskDefinitionArn: taskDefinitionArn(ctx, request.family, revision),
      revision,
      status: "ACTIVE",
      registeredAt: ctx.clock(),
    };
    ctx.store.records.put(ECS_RECORD.familyRevision, request.family, { revision });
    ctx.store.records.put(ECS_RECORD.taskDefinition, `${request.family}:${revision}`, definition);
    return definition;
  });
}

/**
 * The revision a reference names, or undefined (a bare family means its latest ACTIVE revision).
 *
 * @example
 * findTaskDefinition(ctx, "app")?.revision; // 2
 */
export function findTaskDefinition(
  ctx: ServiceContext,
  reference: string,
): TaskDefinition | undefined {
  const ref = parseTaskDefinitionRef(reference);
  if (ref.revision !== undefined)
    return ctx.store.records.get<TaskDefinition>(
      ECS_RECORD.taskDefinition,
      `${ref.family}:${ref.revision}`,
    );
  return familyRevisions(ctx, ref.family)
    .filter((d) => d.status === "ACTIVE")
    .at(-1);
}

/**
 * DescribeTaskDefinition's lookup: ECS's `ClientException` when nothing matches.
 *
 * @example
 * describeTaskDefinition(ctx, "app:1").family; // "app"
 */
export function describeTaskDefinition(ctx: ServiceContext, reference: string): TaskDefinition {
  const found = findTaskDefinition(ctx, reference);
  if (!found) throw clientException("Unable to describe task definition.");
  return found;
}

/**
 * ListTaskDefinitions: ARNs, by family then revision, optionally of one family prefix and status.
 *
 * @example
 * listTaskDefinitions(ctx, { familyPrefix: "app", status: "ACTIVE", sort: "ASC" });
 */
export function listTaskDefinitions(
  ctx: ServiceContext,
  filter: { familyPrefix?: string; status: "ACTIVE" | "INACTIVE"; sort: "ASC" | "DESC" },
): string[] {
  const all = ctx.store.records
    .list<TaskDefinition>(ECS_RECORD.taskDefinition)
    .filter((d) => d.status === filter.status)
    .filter((d) => filter.familyPrefix === undefined || d.family.startsWith(filter.familyPrefix))
    .sort((a, b) =>
      a.family === b.family ? a.revision - b.revision : a.family < b.family ? -1 : 1,
    );
  const arns = all.map((d) => d.taskDefinitionArn);
  return filter.sort === "DESC" ? arns.reverse() : arns;
}

/**
 * DeregisterTaskDefinition: the revision becomes INACTIVE (a revision must be named).
 *
 * @example
 * deregisterTaskDefinition(ctx, "app:1").status; // "INACTIVE"
 */
export function deregisterTaskDefinition(ctx: ServiceContext, reference: string): TaskDefinition {
  const ref = parseTaskDefinitionRef(reference);
  if (ref.revision === undefined)
    throw clientException(
      `task definition \`${reference}\`: a revision is required (family:revision or ARN)`,
    );
  const found = findTaskDefinition(ctx, reference);
  if (!found) throw clientException("The specified task definition does not exist.");
  const updated: TaskDefinition = { ...found, status: "INACTIVE", deregisteredAt: ctx.clock() };
  ctx.store.transaction(() =>
    ctx.store.records.put(
      ECS_RECORD.taskDefinition,
      `${updated.family}:${updated.revision}`,
      updated,
    ),
  );
  return updated;
}

function familyRevisions(ctx: ServiceContext, family: string): TaskDefinition[] {
  return ctx.store.records
    .listWhere<TaskDefinition>(ECS_RECORD.taskDefinition, "family", family)
    .sort((a, b) => a.revision - b.revision);
}
