/**
 * Stacks as stored values: a new stack id (`arn:aws:cloudformation:
 * <region>:<account>:stack/<name>/<uuid>`), saving a stack, and finding one
 * by name (live stacks only, as CloudFormation resolves names) or by id
 * (deleted stacks too). Stack names follow CloudFormation's rule: a letter,
 * then letters, digits and hyphens, at most 128 characters.
 */
import type { ServiceContext } from "../context.js";
import { randomUuid } from "../uuid.js";
import { stackNotFound, validationError } from "./errors.js";
import { CFN_RECORD, type Stack } from "./model.js";

const STACK_NAME = /^[a-zA-Z][-a-zA-Z0-9]{0,127}$/;

/**
 * Refuses a stack name CloudFormation would refuse, with its message.
 *
 * @example
 * checkStackName("1app"); // throws ValidationError
 */
export function checkStackName(name: string): void {
  if (!STACK_NAME.test(name))
    throw validationError(
      `1 validation error detected: Value '${name}' at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*`,
    );
}

/**
 * A new stack id for `name`.
 *
 * @example
 * newStackId(ctx, "app"); // "arn:aws:cloudformation:us-east-1:000000000000:stack/app/6f1c…"
 */
export function newStackId(ctx: ServiceContext, name: string): string {
  return `arn:aws:cloudformation:${ctx.region}:${ctx.account}:stack/${name}/${randomUuid(ctx.random)}`;
}

/**
 * Stores a stack; a live stack is findable by name, a deleted one only by id.
 *
 * @example
 * saveStack(ctx, { ...stack, status: "CREATE_COMPLETE" });
 */
export function saveStack(ctx: ServiceContext, stack: Stack): void {
  ctx.store.records.put(CFN_RECORD.stack, stack.stackId, stack);
  if (stack.status === "DELETE_COMPLETE") {
    if (ctx.store.records.get<string>(CFN_RECORD.stackName, stack.stackName) === stack.stackId)
      ctx.store.records.delete(CFN_RECORD.stackName, stack.stackName);
  } else ctx.store.records.put(CFN_RECORD.stackName, stack.stackName, stack.stackId);
}

/**
 * The stack a name (live) or stack id (any) designates, if any.
 *
 * @example
 * findStack(ctx, "app")?.status; // "CREATE_COMPLETE"
 */
export function findStack(ctx: ServiceContext, nameOrId: string): Stack | undefined {
  if (nameOrId.startsWith("arn:")) return ctx.store.records.get<Stack>(CFN_RECORD.stack, nameOrId);
  const id = ctx.store.records.get<string>(CFN_RECORD.stackName, nameOrId);
  return id === undefined ? undefined : ctx.store.records.get<Stack>(CFN_RECORD.stack, id);
}

/**
 * The stack a name or id designates, or CloudFormation's ValidationError.
 *
 * @example
 * getStack(ctx, "missing"); // throws "Stack with id missing does not exist"
 */
export function getStack(ctx: ServiceContext, nameOrId: string): Stack {
  const stack = findStack(ctx, nameOrId);
  if (!stack) throw stackNotFound(nameOrId);
  return stack;
}

/**
 * The live stacks, oldest first.
 *
 * @example
 * liveStacks(ctx).map((s) => s.stackName); // ["app"]
 */
export function liveStacks(ctx: ServiceContext): Stack[] {
  return ctx.store.records
    .list<Stack>(CFN_RECORD.stack)
    .filter((s) => s.status !== "DELETE_COMPLETE")
    .sort((a, b) => a.creationTimeMs - b.creationTimeMs);
}
