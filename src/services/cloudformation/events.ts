/**
 * Stack events as CloudFormation records them: one per status change of
 * the stack itself (its logical id is the stack name, its type
 * `AWS::CloudFormation::Stack`) or of a resource, appended to the stack's
 * stream in order, with an optional `ResourceStatusReason`. Event ids are
 * random (unique in practice); DescribeStackEvents answers newest first.
 */
import type { ServiceContext } from "../context.js";
import {
  eventStream,
  type ResourceStatus,
  type Stack,
  type StackEvent,
  type StackStatus,
} from "./model.js";

/** The type CloudFormation gives the stack's own events. */
export const STACK_TYPE = "AWS::CloudFormation::Stack";

/** A status change to record. */
export interface EventInput {
  readonly logicalId: string;
  readonly physicalId?: string;
  readonly type: string;
  readonly status: StackStatus | ResourceStatus;
  readonly reason?: string;
}

/**
 * Appends one event to the stack's stream and answers it.
 *
 * @example
 * recordEvent(ctx, stack, { logicalId: "Role", type: "AWS::IAM::Role", status: "CREATE_IN_PROGRESS" });
 */
export function recordEvent(
  ctx: ServiceContext,
  stack: Pick<Stack, "stackId" | "stackName">,
  input: EventInput,
): StackEvent {
  const suffix = Array.from(ctx.random(8), (b) => b.toString(16).padStart(2, "0")).join("");
  const event: StackEvent = {
    eventId: `${input.logicalId}-${input.status}-${suffix}`,
    stackId: stack.stackId,
    stackName: stack.stackName,
    logicalResourceId: input.logicalId,
    physicalResourceId: input.physicalId ?? "",
    resourceType: input.type,
    timestampMs: ctx.clock(),
    resourceStatus: input.status,
    ...(input.reason === undefined ? {} : { resourceStatusReason: input.reason }),
  };
  ctx.store.events.append(eventStream(stack.stackId), event);
  return event;
}

/**
 * Appends an event about the stack itself.
 *
 * @example
 * recordStackEvent(ctx, stack, "CREATE_COMPLETE");
 */
export function recordStackEvent(
  ctx: ServiceContext,
  stack: Pick<Stack, "stackId" | "stackName">,
  status: StackStatus,
  reason?: string,
): StackEvent {
  return recordEvent(ctx, stack, {
    logicalId: stack.stackName,
    physicalId: stack.stackId,
    type: STACK_TYPE,
    status,
    ...(reason === undefined ? {} : { reason }),
  });
}

/**
 * The stack's events, oldest first.
 *
 * @example
 * stackEvents(ctx, stack.stackId).at(-1)?.resourceStatus; // "CREATE_COMPLETE"
 */
export function stackEvents(ctx: ServiceContext, stackId: string): StackEvent[] {
  return ctx.store.events.read<StackEvent>(eventStream(stackId)).map((e) => e.event);
}
