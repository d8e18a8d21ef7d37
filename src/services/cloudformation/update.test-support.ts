/**
 * Test support for stack updates and change sets: deploying and updating
 * YAML template bodies the way the query API does (read with the
 * account's exports), and the event trail of a stack as
 * `LogicalId STATUS` lines from a given event on.
 */
import type { ServiceContext } from "../context.js";
import { createStack } from "./create-stack.js";
import { stackEvents } from "./events.js";
import type { Stack } from "./model.js";
import { readStackTemplate } from "./stack-template.js";
import { ROOT } from "./template.test-support.js";
import { updateStack } from "./update-stack.js";

/**
 * Creates stack `name` from a YAML body.
 *
 * @example
 * const stack = deployBody(ctx, "app", "Resources: …");
 */
export function deployBody(ctx: ServiceContext, name: string, body: string): Stack {
  const { template, imports } = readStackTemplate(ctx, body, "t.yaml", { stackName: name });
  return createStack(ctx, {
    stackName: name,
    template,
    outputs: template.outputs,
    imports,
    caller: ROOT,
    templateBody: body,
  });
}

/**
 * Updates stack `name` to a YAML body.
 *
 * @example
 * updateBody(ctx, "app", "Resources: …").status; // "UPDATE_COMPLETE"
 */
export function updateBody(
  ctx: ServiceContext,
  name: string,
  body: string,
  roleArn?: string,
): Stack {
  const { template, imports } = readStackTemplate(ctx, body, "t.yaml", { stackName: name });
  return updateStack(ctx, {
    stackName: name,
    template,
    outputs: template.outputs,
    imports,
    caller: ROOT,
    templateBody: body,
    ...(roleArn === undefined ? {} : { roleArn }),
  });
}

/**
 * The stack's events as `LogicalId STATUS`, oldest first, from the `from`-th on.
 *
 * @example
 * trail(ctx, stack.stackId, 0); // ["app CREATE_IN_PROGRESS", …]
 */
export function trail(ctx: ServiceContext, stackId: string, from = 0): string[] {
  return stackEvents(ctx, stackId)
    .slice(from)
    .map((e) => `${e.logicalResourceId} ${e.resourceStatus}`);
}
