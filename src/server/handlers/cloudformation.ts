/**
 * CloudFormation over the query protocol: CreateStack (TemplateBody as
 * CloudFormation YAML or JSON, read by `src/templates/cfn`, Parameters,
 * RoleARN; the deployer runs to its end before the answer, so the events
 * are all there when the client first asks), DescribeStacks (one stack by
 * name or id, or every live stack), DescribeStackEvents (newest first),
 * DescribeStackResources, DeleteStack and ListExports (`Fn::ImportValue`
 * in a TemplateBody resolves against the exports of the live stacks), plus
 * the change set and update operations of cloudformation-change-sets.ts.
 * The caller acts when no service role is given.
 */
import { type QueryParams, requireParam, structList } from "../../protocol/query.js";
import type { DeployActor } from "../../services/cloudformation/actor.js";
import { createStack } from "../../services/cloudformation/create-stack.js";
import { deleteStack } from "../../services/cloudformation/delete-stack.js";
import { stackEvents } from "../../services/cloudformation/events.js";
import { listExports } from "../../services/cloudformation/exports.js";
import { readStackTemplate } from "../../services/cloudformation/stack-template.js";
import { getStack, liveStacks } from "../../services/cloudformation/stacks.js";
import type { Caller } from "../caller.js";
import { CHANGE_SET_HANDLERS, templateBodyOf } from "./cloudformation-change-sets.js";
import { eventShape, exportShape, resourceShape, stackShape } from "./cloudformation-shapes.js";
import type { QueryTable } from "./handler.js";

const actorOf = (caller: Caller): DeployActor => ({
  principalArn: caller.principalArn,
  ...(caller.sessionPolicy === undefined ? {} : { sessionPolicy: caller.sessionPolicy }),
});

const need = (params: QueryParams, name: string) => requireParam(params, name, "query");

/**
 * The `Parameters.member.N` of a request as a map.
 *
 * @example
 * stackParameters(params); // { Env: "prod" }
 */
export function stackParameters(params: QueryParams): Record<string, string> {
  const pairs = structList(params, "Parameters", "member", (p) => [
    params.get(`${p}.ParameterKey`) ?? "",
    params.get(`${p}.ParameterValue`) ?? "",
  ]);
  return Object.fromEntries(pairs.filter(([k]) => k !== ""));
}

/**
 * CloudFormation's handlers by operation name.
 *
 * @example
 * CLOUDFORMATION_HANDLERS.DescribeStacks?.(ctx, { params, caller }); // { Stacks: [...] }
 */
export const CLOUDFORMATION_HANDLERS: QueryTable = {
  CreateStack: (ctx, { params, caller }) => {
    const stackName = need(params, "StackName");
    const body = templateBodyOf(params);
    const parameters = stackParameters(params);
    const roleArn = params.get("RoleARN");
    const { template, imports } = readStackTemplate(ctx, body, "TemplateBody", {
      parameters,
      region: ctx.region,
      accountId: ctx.account,
      stackName,
    });
    const stack = createStack(ctx, {
      stackName,
      template,
      outputs: template.outputs,
      imports,
      parameters,
      templateBody: body,
      caller: actorOf(caller),
      ...(roleArn === undefined ? {} : { roleArn }),
    });
    return { StackId: stack.stackId };
  },
  DescribeStacks: (ctx, { params }) => {
    const name = params.get("StackName");
    const stacks = name === undefined ? liveStacks(ctx) : [getStack(ctx, name)];
    return { Stacks: stacks.map(stackShape) };
  },
  DescribeStackEvents: (ctx, { params }) => {
    const stack = getStack(ctx, need(params, "StackName"));
    return { StackEvents: stackEvents(ctx, stack.stackId).reverse().map(eventShape) };
  },
  DescribeStackResources: (ctx, { params }) => {
    const stack = getStack(ctx, need(params, "StackName"));
    const logicalId = params.get("LogicalResourceId");
    const physicalId = params.get("PhysicalResourceId");
    const resources = stack.resources.filter(
      (r) =>
        (logicalId === undefined || r.logicalId === logicalId) &&
        (physicalId === undefined || r.physicalId === physicalId),
    );
    return { StackResources: resources.map((r) => resourceShape(stack, r)) };
  },
  DeleteStack: (ctx, { params, caller }) => {
    deleteStack(ctx, need(params, "StackName"), actorOf(caller));
    return undefined;
  },
  ListExports: (ctx) => ({ Exports: listExports(ctx).map(exportShape) }),
  ...CHANGE_SET_HANDLERS,
};
