/**
 * CreateStack: the deployer. The template is checked first (reading
 * errors, unresolved dependencies, cycles) and the service role assumed
 * (its trust must admit CloudFormation), so a refusal leaves no stack.
 * Then the resources are created one at a time in dependency order through
 * their handlers, each operation authorized for the deploying principal,
 * with CloudFormation's events. On the first failure the failed resource's
 * event carries the service's code and message, everything created is
 * deleted in reverse order and the stack ends `ROLLBACK_COMPLETE`
 * (`ROLLBACK_FAILED` when a deletion is refused). An import of an export
 * no stack has, or an export name another stack already exports, fails
 * the stack itself before any resource is created; a stack that completes
 * records its outputs' export names and the exports it imports. A stack
 * a CREATE change set made (`REVIEW_IN_PROGRESS`) is created under its id
 * when the change set is executed (`reviewed`). Secrets Manager dynamic
 * references are resolved as each resource is created, unless the request
 * says not to (`resolveDynamicReferences: false`, for `check`).
 */
import { UNKNOWN_EXPORT_CODE } from "../../templates/cfn/imports.js";
import type { DeployableTemplate, PhysicalLookup } from "../../templates/model.js";
import type { ServiceContext } from "../context.js";
import { type DeployActor, serviceRoleActor } from "./actor.js";
import { ROLLBACK_REASON, STACK_FAILURE_REASON } from "./assumptions.js";
import { createResource, type DeployOptions } from "./create-resource.js";
import { stackExists, validationError } from "./errors.js";
import { recordEvent, recordStackEvent } from "./events.js";
import { takenExport } from "./export-checks.js";
import { failureReason } from "./failure-reason.js";
import type { Stack, StackResource } from "./model.js";
import { creationOrder } from "./order.js";
import { removeResources } from "./remove-resources.js";
import { exportNames, stackOutputs } from "./stack-outputs.js";
import { checkStackName, findStack, newStackId, saveStack } from "./stacks.js";
import { type OutputSource, templateError } from "./template-text.js";

/** What CreateStack needs (and whether to resolve dynamic references, by default yes). */
export interface CreateStackRequest extends DeployOptions {
  readonly stackName: string;
  readonly template: DeployableTemplate;
  /** The caller, who acts when there is no service role. */
  readonly caller: DeployActor;
  readonly roleArn?: string;
  readonly parameters?: Readonly<Record<string, string>>;
  /** The template's outputs (the CloudFormation reader's `DeployableOutput`s). */
  readonly outputs?: readonly OutputSource[];
  /** The export names the template imports (see stack-template.ts). */
  readonly imports?: readonly string[];
  /** The stack exists, `REVIEW_IN_PROGRESS`, made by a CREATE change set: create it under its id. */
  readonly reviewed?: boolean;
  /** The template as text, kept for GetTemplateSummary and later updates. */
  readonly templateBody?: string;
}

/**
 * Creates a stack and answers it as it ended (`CREATE_COMPLETE` or `ROLLBACK_COMPLETE`).
 *
 * @example
 * createStack(ctx, { stackName: "app", template, caller: { principalArn: rootArn } }).status; // "CREATE_COMPLETE"
 */
export function createStack(ctx: ServiceContext, request: CreateStackRequest): Stack {
  const { stackName, template } = request;
  checkStackName(stackName);
  const existing = findStack(ctx, stackName);
  const review =
    existing?.status === "REVIEW_IN_PROGRESS" && request.reviewed ? existing : undefined;
  if (existing && !review) throw stackExists(stackName);
  const unknownImport = template.diagnostics.find((d) => d.code === UNKNOWN_EXPORT_CODE);
  const problem = template.diagnostics.find(
    (d) => d.severity === "error" && d.code !== UNKNOWN_EXPORT_CODE,
  );
  if (problem) throw validationError(templateError(problem));
  const exported = exportNames(request.outputs ?? []);
  const order = creationOrder(template.resources);
  const actor = request.roleArn ? serviceRoleActor(ctx, request.roleArn) : request.caller;
  const stack: Stack = {
    stackName,
    stackId: review?.stackId ?? newStackId(ctx, stackName),
    status: "CREATE_IN_PROGRESS",
    statusReason: "User Initiated",
    ...(request.roleArn ? { roleArn: request.roleArn } : {}),
    creationTimeMs: review?.creationTimeMs ?? ctx.clock(),
    resources: [],
    outputs: [],
    parameters: { ...request.parameters },
    ...(request.templateBody === undefined ? {} : { templateBody: request.templateBody }),
  };
  saveStack(ctx, stack);
  recordStackEvent(ctx, stack, "CREATE_IN_PROGRESS", "User Initiated");
  const refusal = unknownImport?.message ?? takenExport(ctx, exported);
  if (refusal !== undefined) return rollBack(ctx, stack, [], actor, STACK_FAILURE_REASON(refusal));
  const made: StackResource[] = [];
  const byId = new Map<string, StackResource>();
  const lookup: PhysicalLookup = (logicalId, attribute) => {
    const r = byId.get(logicalId);
    if (!r) return undefined;
    return attribute === undefined ? r.physicalId : r.attributes[attribute];
  };
  for (const resource of order) {
    const { logicalId, type } = resource;
    recordEvent(ctx, stack, { logicalId, type, status: "CREATE_IN_PROGRESS" });
    try {
      const created = createResource(ctx, stack, resource, lookup, actor, false, request);
      made.push(created);
      byId.set(created.logicalId, created);
    } catch (error) {
      const reason = failureReason(type, error);
      recordEvent(ctx, stack, { logicalId, type, status: "CREATE_FAILED", reason });
      return rollBack(ctx, stack, made, actor, ROLLBACK_REASON(logicalId), {
        logicalId,
        type,
        reason,
      });
    }
  }
  const outputs = stackOutputs(request.outputs ?? [], lookup);
  const imports = request.imports ?? [];
  const complete: Stack = {
    ...stack,
    status: "CREATE_COMPLETE",
    resources: made,
    outputs,
    ...(imports.length > 0 ? { imports } : {}),
  };
  const { statusReason: _dropped, ...done } = complete;
  saveStack(ctx, done);
  recordStackEvent(ctx, done, "CREATE_COMPLETE");
  return done;
}

function rollBack(
  ctx: ServiceContext,
  stack: Stack,
  made: readonly StackResource[],
  actor: DeployActor,
  reason: string,
  failed?: { logicalId: string; type: string; reason: string },
): Stack {
  const failedResource: StackResource[] = failed
    ? [
        {
          logicalId: failed.logicalId,
          type: failed.type,
          physicalId: "",
          attributes: {},
          undo: {},
          status: "CREATE_FAILED",
          statusReason: failed.reason,
          timestampMs: ctx.clock(),
        },
      ]
    : [];
  const rolling: Stack = {
    ...stack,
    status: "ROLLBACK_IN_PROGRESS",
    statusReason: reason,
    resources: [...made, ...failedResource],
  };
  saveStack(ctx, rolling);
  recordStackEvent(ctx, rolling, "ROLLBACK_IN_PROGRESS", reason);
  const resources = removeResources(ctx, rolling, rolling.resources, actor);
  const failedDelete = resources.some((r) => r.status === "DELETE_FAILED");
  const status = failedDelete ? "ROLLBACK_FAILED" : "ROLLBACK_COMPLETE";
  const ended: Stack = { ...rolling, status, resources };
  saveStack(ctx, ended);
  recordStackEvent(ctx, ended, status);
  return ended;
}
