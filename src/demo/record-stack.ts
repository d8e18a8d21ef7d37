/**
 * The demo as a CloudFormation stack: after its resources are made, the
 * demo is recorded as the stack `accesslab-demo` (`CREATE_COMPLETE`, with
 * its two stack events) whose outputs are the demo's `exports`, each
 * exported as `accesslab-demo-<key>`, so `describe-stacks`, `list-exports`
 * and `Fn::ImportValue` in a deployed template see the demo's generated
 * ids. The record holds no resources: the demo's resources are its own,
 * and deleting the stack only withdraws the exports.
 */
import { stackExists, validationError } from "../services/cloudformation/errors.js";
import { recordStackEvent } from "../services/cloudformation/events.js";
import { takenExport } from "../services/cloudformation/export-checks.js";
import type { Stack, StackOutput } from "../services/cloudformation/model.js";
import { findStack, newStackId, saveStack } from "../services/cloudformation/stacks.js";
import type { ServiceContext } from "../services/context.js";
import { creating } from "./load-error.js";
import type { DemoExport } from "./model.js";
import type { SummaryStack } from "./summary.js";

/**
 * The name of the stack the demo is recorded as.
 *
 * @example
 * `${DEMO_STACK_NAME}-SubnetA`; // the export name of the output `SubnetA`
 */
export const DEMO_STACK_NAME = "accesslab-demo";

/**
 * Records the stack when the demo has exports; answers its name, id and exports.
 *
 * @example
 * recordDemoStack(ctx, "stack.yaml", stack.exports, ids)?.exports[0];
 * // { name: "accesslab-demo-SubnetA", value: "subnet-…" }
 */
export function recordDemoStack(
  ctx: ServiceContext,
  file: string,
  exports: readonly DemoExport[],
  ids: ReadonlyMap<string, string>,
): SummaryStack | undefined {
  const first = exports[0];
  if (!first) return undefined;
  const outputs: StackOutput[] = exports.map((e) => ({
    key: e.key,
    value: ids.get(e.arn ? `${e.name}.Arn` : e.name) ?? "",
    exportName: `${DEMO_STACK_NAME}-${e.key}`,
  }));
  return creating(file, first, `the stack \`${DEMO_STACK_NAME}\``, () => {
    if (findStack(ctx, DEMO_STACK_NAME)) throw stackExists(DEMO_STACK_NAME);
    const taken = takenExport(
      ctx,
      outputs.map((o) => o.exportName ?? ""),
    );
    if (taken !== undefined) throw validationError(taken);
    const stack: Stack = {
      stackName: DEMO_STACK_NAME,
      stackId: newStackId(ctx, DEMO_STACK_NAME),
      status: "CREATE_COMPLETE",
      creationTimeMs: ctx.clock(),
      resources: [],
      outputs,
      parameters: {},
    };
    recordStackEvent(ctx, stack, "CREATE_IN_PROGRESS", "User Initiated");
    saveStack(ctx, stack);
    recordStackEvent(ctx, stack, "CREATE_COMPLETE");
    return {
      name: DEMO_STACK_NAME,
      stackId: stack.stackId,
      exports: outputs.map((o) => ({ name: o.exportName ?? "", value: o.value })),
    };
  });
}
