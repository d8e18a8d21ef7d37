/**
 * CloudFormation's change set and update operations over the query
 * protocol: CreateChangeSet (TemplateBody only; Parameters with
 * `UsePreviousValue`, RoleARN, Capabilities, which IAM resources need,
 * ChangeSetType CREATE or UPDATE), DescribeChangeSet, ExecuteChangeSet, ListChangeSets,
 * DeleteChangeSet, UpdateStack, and GetTemplateSummary (the parameters of
 * a template body or of a stack's template, which `aws cloudformation
 * deploy` reads before an update). Change sets are computed and executed
 * before the call returns, so the SDK's and CLI's waiters see the end
 * state on their first poll.
 */
import { type QueryParams, requireParam, stringList, structList } from "../../protocol/query.js";
import type { DeployActor } from "../../services/cloudformation/actor.js";
import {
  deleteChangeSet,
  getChangeSet,
  stackChangeSets,
} from "../../services/cloudformation/change-set-store.js";
import { createChangeSet } from "../../services/cloudformation/create-change-set.js";
import { validationError } from "../../services/cloudformation/errors.js";
import { executeChangeSet } from "../../services/cloudformation/execute-change-set.js";
import type { ParameterInput } from "../../services/cloudformation/parameter-values.js";
import { parameterValues } from "../../services/cloudformation/parameter-values.js";
import { readStackTemplate } from "../../services/cloudformation/stack-template.js";
import { getStack } from "../../services/cloudformation/stacks.js";
import {
  declaredParameters,
  stackParameterDeclarations,
} from "../../services/cloudformation/template-summary.js";
import { updateStack } from "../../services/cloudformation/update-stack.js";
import type { Caller } from "../caller.js";
import {
  changeSetShape,
  changeSetSummaryShape,
  parameterDeclarationShape,
} from "./cloudformation-change-set-shapes.js";
import type { QueryTable } from "./handler.js";

const need = (params: QueryParams, name: string) => requireParam(params, name, "query");

const actorOf = (caller: Caller): DeployActor => ({
  principalArn: caller.principalArn,
  ...(caller.sessionPolicy === undefined ? {} : { sessionPolicy: caller.sessionPolicy }),
});

/**
 * The `TemplateBody` of a request, or CloudFormation's ValidationError
 * (TemplateURL is refused clearly: accesslab has no S3 to read it from).
 *
 * @example
 * templateBodyOf(params); // "Resources: …"
 */
export function templateBodyOf(params: QueryParams): string {
  const body = params.get("TemplateBody");
  if (body !== undefined) return body;
  throw validationError(
    params.has("TemplateURL")
      ? "TemplateURL is not supported by accesslab: send the template as TemplateBody"
      : "Either Template URL or Template Body must be specified.",
  );
}

/**
 * The `Parameters.member.N` of a request, `UsePreviousValue` included.
 *
 * @example
 * parameterInputs(params); // [{ key: "Env", usePreviousValue: true }]
 */
export function parameterInputs(params: QueryParams): ParameterInput[] {
  return structList(params, "Parameters", "member", (p) => {
    const value = params.get(`${p}.ParameterValue`);
    return {
      key: params.get(`${p}.ParameterKey`) ?? "",
      ...(value === undefined ? {} : { value }),
      ...(params.get(`${p}.UsePreviousValue`) === "true" ? { usePreviousValue: true } : {}),
    };
  }).filter((p) => p.key !== "");
}

function changeSetType(params: QueryParams): "CREATE" | "UPDATE" {
  const type = params.get("ChangeSetType") ?? "UPDATE";
  if (type === "CREATE" || type === "UPDATE") return type;
  throw validationError(
    type === "IMPORT"
      ? "ChangeSetType `IMPORT` is not supported by accesslab"
      : `1 validation error detected: Value '${type}' at 'changeSetType' failed to satisfy constraint: Member must satisfy enum value set: [IMPORT, UPDATE, CREATE]`,
  );
}

/**
 * The change set and update handlers by operation name.
 *
 * @example
 * CHANGE_SET_HANDLERS.DescribeChangeSet?.(ctx, { params, caller }); // { ChangeSetName: "cs1", … }
 */
export const CHANGE_SET_HANDLERS: QueryTable = {
  CreateChangeSet: (ctx, { params }) => {
    const roleArn = params.get("RoleARN");
    const description = params.get("Description");
    const cs = createChangeSet(ctx, {
      changeSetName: need(params, "ChangeSetName"),
      stackName: need(params, "StackName"),
      type: changeSetType(params),
      templateBody: templateBodyOf(params),
      parameters: parameterInputs(params),
      capabilities: stringList(params, "Capabilities", "member"),
      ...(roleArn === undefined ? {} : { roleArn }),
      ...(description === undefined ? {} : { description }),
    });
    return { Id: cs.changeSetId, StackId: cs.stackId };
  },
  DescribeChangeSet: (ctx, { params }) =>
    changeSetShape(getChangeSet(ctx, need(params, "ChangeSetName"), params.get("StackName"))),
  ExecuteChangeSet: (ctx, { params, caller }) => {
    executeChangeSet(ctx, need(params, "ChangeSetName"), params.get("StackName"), actorOf(caller));
    return {};
  },
  ListChangeSets: (ctx, { params }) => {
    const stack = getStack(ctx, need(params, "StackName"));
    return { Summaries: stackChangeSets(ctx, stack.stackId).map(changeSetSummaryShape) };
  },
  DeleteChangeSet: (ctx, { params }) => {
    deleteChangeSet(ctx, getChangeSet(ctx, need(params, "ChangeSetName"), params.get("StackName")));
    return {};
  },
  UpdateStack: (ctx, { params, caller }) => {
    const stack = getStack(ctx, need(params, "StackName"));
    const usePrevious = params.get("UsePreviousTemplate") === "true";
    const body =
      usePrevious && stack.templateBody !== undefined ? stack.templateBody : templateBodyOf(params);
    const parameters = parameterValues(stack, parameterInputs(params));
    const roleArn = params.get("RoleARN");
    const { template, imports } = readStackTemplate(ctx, body, "TemplateBody", {
      parameters,
      region: ctx.region,
      accountId: ctx.account,
      stackName: stack.stackName,
      stackId: stack.stackId,
    });
    const ended = updateStack(ctx, {
      stackName: stack.stackId,
      template,
      outputs: template.outputs,
      imports,
      parameters,
      templateBody: body,
      capabilities: stringList(params, "Capabilities", "member"),
      caller: actorOf(caller),
      ...(roleArn === undefined ? {} : { roleArn }),
    });
    return { StackId: ended.stackId };
  },
  GetTemplateSummary: (ctx, { params }) => {
    const name = params.get("StackName");
    const declared =
      name === undefined
        ? declaredParameters(templateBodyOf(params))
        : stackParameterDeclarations(getStack(ctx, name));
    return { Parameters: declared.map(parameterDeclarationShape), Version: "2010-09-09" };
  },
};
