/**
 * CreateChangeSet: the template body is read with the parameter values
 * (`UsePreviousValue` from the stack) and the account's exports, and the
 * changes are computed at once, so the change set is `CREATE_COMPLETE`
 * (`AVAILABLE`) or, with nothing to change, `FAILED` with CloudFormation's
 * reason (`UNAVAILABLE`) as soon as the call returns. CREATE needs a stack
 * that does not exist (or is still `REVIEW_IN_PROGRESS`): the stack is
 * made `REVIEW_IN_PROGRESS`, with no resources, and every resource is an
 * `Add`. UPDATE needs a stack that can be updated (update-plan.ts). A
 * template that cannot be read is CloudFormation's ValidationError, and
 * IAM resources need their capability (capabilities.ts); either way no
 * change set is made.
 */
import type { ServiceContext } from "../context.js";
import { CHANGE_SET_STACK_EXISTS } from "./assumptions.js";
import { checkCapabilities } from "./capabilities.js";
import type { ChangeSet, ChangeSetType } from "./change-set-model.js";
import { findChangeSet, newChangeSetId, saveChangeSet } from "./change-set-store.js";
import { CloudFormationError, NO_CHANGES_REASON, validationError } from "./errors.js";
import { recordStackEvent } from "./events.js";
import type { Stack } from "./model.js";
import { type ParameterInput, parameterValues } from "./parameter-values.js";
import type { ResourceChange } from "./resource-changes.js";
import { readStackTemplate } from "./stack-template.js";
import { checkStackName, findStack, newStackId, saveStack } from "./stacks.js";
import { planUpdate } from "./update-plan.js";

const CHANGE_SET_NAME = /^[a-zA-Z][-a-zA-Z0-9]{0,127}$/;

/** What CreateChangeSet needs. */
export interface CreateChangeSetRequest {
  readonly changeSetName: string;
  readonly stackName: string;
  readonly type: ChangeSetType;
  readonly templateBody: string;
  readonly parameters?: readonly ParameterInput[];
  readonly roleArn?: string;
  readonly capabilities?: readonly string[];
  readonly description?: string;
}

/**
 * Creates a change set and answers it.
 *
 * @example
 * createChangeSet(ctx, { changeSetName: "cs1", stackName: "app", type: "CREATE", templateBody }).status; // "CREATE_COMPLETE"
 */
export function createChangeSet(ctx: ServiceContext, request: CreateChangeSetRequest): ChangeSet {
  const { changeSetName, stackName, type } = request;
  if (!CHANGE_SET_NAME.test(changeSetName))
    throw validationError(
      `1 validation error detected: Value '${changeSetName}' at 'changeSetName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*`,
    );
  checkStackName(stackName);
  const existing = findStack(ctx, stackName);
  const reviewing = existing?.status === "REVIEW_IN_PROGRESS";
  if (type === "CREATE" && existing && !reviewing)
    throw validationError(CHANGE_SET_STACK_EXISTS(stackName, changeSetName));
  if (type === "UPDATE" && (!existing || reviewing))
    throw validationError(`Stack [${stackName}] does not exist`);
  if (existing && findChangeSet(ctx, changeSetName, stackName))
    throw new CloudFormationError(
      "AlreadyExistsException",
      400,
      `ChangeSet [${changeSetName}] already exists`,
    );
  const parameters = parameterValues(existing, request.parameters ?? []);
  const { template } = readStackTemplate(ctx, request.templateBody, "TemplateBody", {
    parameters,
    region: ctx.region,
    accountId: ctx.account,
    stackName,
    ...(existing ? { stackId: existing.stackId } : {}),
  });
  checkCapabilities(template.resources, request.capabilities ?? []);
  let changes: readonly ResourceChange[];
  let hasChanges = true;
  if (type === "UPDATE" && existing) {
    const plan = planUpdate(existing, { template, parameters, outputs: template.outputs });
    changes = plan.changes;
    hasChanges = plan.hasChanges;
  } else {
    const empty: Stack = {
      stackName,
      stackId: "",
      status: "CREATE_COMPLETE",
      creationTimeMs: 0,
      resources: [],
      outputs: [],
      parameters: {},
    };
    changes = planUpdate(empty, { template, outputs: template.outputs }).changes;
  }
  const stack = existing ?? review(ctx, stackName);
  const changeSet: ChangeSet = {
    changeSetId: newChangeSetId(ctx, changeSetName),
    changeSetName,
    stackId: stack.stackId,
    stackName,
    type,
    status: hasChanges ? "CREATE_COMPLETE" : "FAILED",
    ...(hasChanges ? {} : { statusReason: NO_CHANGES_REASON }),
    executionStatus: hasChanges ? "AVAILABLE" : "UNAVAILABLE",
    creationTimeMs: ctx.clock(),
    ...(request.description === undefined ? {} : { description: request.description }),
    templateBody: request.templateBody,
    parameters,
    ...(request.roleArn === undefined ? {} : { roleArn: request.roleArn }),
    capabilities: [...(request.capabilities ?? [])],
    changes,
  };
  saveChangeSet(ctx, changeSet);
  return changeSet;
}

function review(ctx: ServiceContext, stackName: string): Stack {
  const stack: Stack = {
    stackName,
    stackId: newStackId(ctx, stackName),
    status: "REVIEW_IN_PROGRESS",
    statusReason: "User Initiated",
    creationTimeMs: ctx.clock(),
    resources: [],
    outputs: [],
    parameters: {},
  };
  saveStack(ctx, stack);
  recordStackEvent(ctx, stack, "REVIEW_IN_PROGRESS", "User Initiated");
  return stack;
}
