/**
 * Deploying the demo's `stacks` once its own resources and exports exist:
 * each template is read with the account's exports (so `!ImportValue
 * accesslab-demo-…` resolves), then created through CloudFormation's own
 * deployer, through the named service role when there is one. A stack
 * that does not reach `CREATE_COMPLETE` fails the whole load with the
 * failed resource's reason, so the state is left untouched.
 */
import { createStack } from "../services/cloudformation/create-stack.js";
import { stackEvents } from "../services/cloudformation/events.js";
import { readStackTemplate } from "../services/cloudformation/stack-template.js";
import { templateError } from "../services/cloudformation/template-text.js";
import type { ServiceContext } from "../services/context.js";
import { creating, DemoLoadError, located } from "./load-error.js";
import type { DemoAppStack } from "./model.js";
import type { SummaryAppStack } from "./summary.js";

/** Reads a template named relative to the demo file; throws an Error fit to print. */
export type ReadRelative = (relativePath: string) => string;

/**
 * Creates every stack, in order; answers their names and outputs.
 *
 * @example
 * deployAppStacks(ctx, "stack.yaml", stack.stacks, ids, read)[0]?.outputs.FunctionName; // "demo-app"
 */
export function deployAppStacks(
  ctx: ServiceContext,
  file: string,
  stacks: readonly DemoAppStack[],
  ids: ReadonlyMap<string, string>,
  read: ReadRelative,
): SummaryAppStack[] {
  return stacks.map((app) => {
    let text: string;
    try {
      text = read(app.template);
    } catch (error) {
      throw new DemoLoadError(located(file, app.position, (error as Error).message));
    }
    const { template, imports } = readStackTemplate(ctx, text, app.template, {
      parameters: app.parameters,
      region: ctx.region,
      accountId: ctx.account,
      stackName: app.name,
    });
    const problem = template.diagnostics.find((d) => d.severity === "error");
    if (problem) throw new DemoLoadError(located(file, app.position, templateError(problem)));
    const roleArn = app.role === undefined ? undefined : ids.get(app.role);
    const stack = creating(file, app, `the stack \`${app.name}\``, () =>
      createStack(ctx, {
        stackName: app.name,
        template,
        outputs: template.outputs,
        imports,
        parameters: app.parameters,
        templateBody: text,
        caller: { principalArn: `arn:aws:iam::${ctx.account}:root` },
        ...(roleArn === undefined ? {} : { roleArn }),
      }),
    );
    if (stack.status !== "CREATE_COMPLETE") {
      const failed = stackEvents(ctx, stack.stackId).find(
        (e) => e.resourceStatus === "CREATE_FAILED",
      );
      const why = failed
        ? `${failed.logicalResourceId}: ${failed.resourceStatusReason ?? "no reason given"}`
        : (stack.statusReason ?? stack.status);
      throw new DemoLoadError(
        located(file, app.position, `the stack \`${app.name}\` rolled back: ${why}`),
      );
    }
    return {
      name: app.name,
      outputs: Object.fromEntries(stack.outputs.map((o) => [o.key, o.value])),
    };
  });
}
