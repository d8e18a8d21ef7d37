/**
 * UpdateStack: the deployer's update. The update is planned first
 * (update-plan.ts; nothing to change is CloudFormation's "No updates are
 * to be performed.") and the service role assumed (the one given, else
 * the stack's). The stack goes `UPDATE_IN_PROGRESS`; the new template's
 * resources are walked in dependency order: a resource the stack lacks is
 * created, one whose resolved properties changed is updated in place when
 * its type can be, else replaced (a new physical resource created now,
 * the old one kept until cleanup; a custom-named one cannot be, see
 * assumptions.ts), an unchanged one is kept. Then the outputs are
 * resolved, and an export another stack imports must survive unchanged.
 * In `UPDATE_COMPLETE_CLEANUP_IN_PROGRESS` the resources the template no
 * longer has and the replaced originals are deleted in reverse creation
 * order, and the stack ends `UPDATE_COMPLETE` (a deletion refused in
 * cleanup is an event, as in AWS, not a failure). The first failure rolls
 * the update back (update-rollback.ts). A resource created, replaced or
 * updated in place has its Secrets Manager dynamic references resolved
 * first, unless the request says not to (`resolveDynamicReferences`); an
 * unchanged one keeps what it was given, as in AWS, where a reference is
 * resolved again only when its resource is updated.
 */
import type { ServiceContext } from "../context.js";
import { type DeployActor, serviceRoleActor } from "./actor.js";
import { checkCapabilities } from "./capabilities.js";
import {
  concreteProperties,
  createResource,
  type DeployOptions,
  handlerEnv,
} from "./create-resource.js";
import { keptCustomName } from "./custom-name.js";
import { keepingValuesOut } from "./dynamic-references.js";
import { customNameReplacement, noUpdates, validationError } from "./errors.js";
import { recordEvent, recordStackEvent } from "./events.js";
import { exportChangeInUse, takenExport } from "./export-checks.js";
import { failureReason } from "./failure-reason.js";
import { fingerprint } from "./fingerprint.js";
import type { Stack, StackResource } from "./model.js";
import { PropertyReader } from "./properties.js";
import { removeResources } from "./remove-resources.js";
import { propertiesChanged } from "./resource-changes.js";
import { handlerFor } from "./resources/index.js";
import { exportNames, stackOutputs } from "./stack-outputs.js";
import { getStack, saveStack } from "./stacks.js";
import { planUpdate, type UpdatePlan, type UpdateSource } from "./update-plan.js";
import { rollBackUpdate, type UpdateProgress } from "./update-rollback.js";

/** What UpdateStack needs (and whether to resolve dynamic references, by default yes). */
export interface UpdateStackRequest extends UpdateSource, DeployOptions {
  /** The stack's name or id. */
  readonly stackName: string;
  /** The caller, who acts when neither the request nor the stack has a service role. */
  readonly caller: DeployActor;
  readonly roleArn?: string;
  /** The export names the new template imports. */
  readonly imports?: readonly string[];
  /** The new template as text, kept on the stack. */
  readonly templateBody?: string;
  /** When given, IAM resources need their capability (capabilities.ts). */
  readonly capabilities?: readonly string[];
}

/**
 * Updates a stack and answers it as it ended (`UPDATE_COMPLETE` or `UPDATE_ROLLBACK_COMPLETE`).
 *
 * @example
 * updateStack(ctx, { stackName: "app", template, caller }).status; // "UPDATE_COMPLETE"
 */
export function updateStack(ctx: ServiceContext, request: UpdateStackRequest): Stack {
  const stack = getStack(ctx, request.stackName);
  const plan = planUpdate(stack, request);
  if (request.capabilities) checkCapabilities(request.template.resources, request.capabilities);
  if (!plan.hasChanges) throw noUpdates();
  return runUpdate(ctx, stack, request, plan);
}

/**
 * Runs a planned update of `stack` (UpdateStack, ExecuteChangeSet).
 *
 * @example
 * runUpdate(ctx, stack, request, planUpdate(stack, request)).status; // "UPDATE_COMPLETE"
 */
export function runUpdate(
  ctx: ServiceContext,
  stack: Stack,
  request: UpdateStackRequest,
  plan: UpdatePlan,
): Stack {
  const roleArn = request.roleArn ?? stack.roleArn;
  const actor = roleArn ? serviceRoleActor(ctx, roleArn) : request.caller;
  const updating: Stack = {
    ...stack,
    status: "UPDATE_IN_PROGRESS",
    statusReason: "User Initiated",
    lastUpdatedTimeMs: ctx.clock(),
    ...(roleArn === undefined ? {} : { roleArn }),
  };
  saveStack(ctx, updating);
  recordStackEvent(ctx, updating, "UPDATE_IN_PROGRESS", "User Initiated");
  const made: StackResource[] = [];
  const inPlace: UpdateProgress["inPlace"][number][] = [];
  const fail = (reason: string) =>
    rollBackUpdate(ctx, stack, updating, { made, inPlace }, actor, reason);
  const taken = takenExport(ctx, exportNames(request.outputs ?? []), stack.stackId);
  if (taken !== undefined) return fail(taken);
  const old = new Map(stack.resources.map((r) => [r.logicalId, r]));
  const live = new Map(old);
  const lookup = (logicalId: string, attribute?: string) => {
    const r = live.get(logicalId);
    if (!r) return undefined;
    return attribute === undefined ? r.physicalId : r.attributes[attribute];
  };
  const replaced: StackResource[] = [];
  const resources: StackResource[] = [];
  for (const resource of plan.order) {
    const { logicalId, type } = resource;
    const before = old.get(logicalId);
    if (before && !propertiesChanged(resource, before, lookup)) {
      resources.push(before);
      continue;
    }
    const physicalId = before?.physicalId;
    const status = before ? "UPDATE_IN_PROGRESS" : "CREATE_IN_PROGRESS";
    recordEvent(ctx, updating, { logicalId, type, status, ...(physicalId ? { physicalId } : {}) });
    try {
      let now: StackResource;
      const handler = handlerFor(type);
      if (!before) {
        now = createResource(ctx, updating, resource, lookup, actor, false, request);
        made.push(now);
      } else if (handler.update) {
        const resolved = resource.properties(lookup);
        const env = handlerEnv(ctx, updating, logicalId, actor);
        const concrete = concreteProperties(ctx, actor, resource, resolved, request);
        const props = new PropertyReader(logicalId, concrete.props);
        const update = handler.update;
        const changed = keepingValuesOut(concrete.values, () =>
          update.call(handler, env, props, before),
        );
        const { statusReason: _dropped, ...kept } = before;
        now = {
          ...kept,
          ...changed,
          status: "UPDATE_COMPLETE",
          timestampMs: ctx.clock(),
          properties: fingerprint(resolved),
        };
        inPlace.push({ before, after: now });
        recordEvent(ctx, updating, {
          logicalId,
          type,
          physicalId: now.physicalId,
          status: now.status,
        });
      } else {
        const name = keptCustomName(before, resource.properties(lookup));
        if (name !== undefined) throw validationError(customNameReplacement(name));
        now = createResource(ctx, updating, resource, lookup, actor, true, request);
        made.push(now);
        replaced.push(before);
      }
      live.set(logicalId, now);
      resources.push(now);
    } catch (error) {
      const reason = failureReason(type, error);
      const failed = before ? "UPDATE_FAILED" : "CREATE_FAILED";
      recordEvent(ctx, updating, {
        logicalId,
        type,
        status: failed,
        reason,
        ...(physicalId ? { physicalId } : {}),
      });
      if (!before)
        made.push({
          logicalId,
          type,
          physicalId: "",
          attributes: {},
          undo: {},
          status: "CREATE_FAILED",
          statusReason: reason,
          timestampMs: ctx.clock(),
        });
      const verb = before ? "update" : "create";
      return fail(`The following resource(s) failed to ${verb}: [${logicalId}]. `);
    }
  }
  const outputs = stackOutputs(request.outputs ?? [], lookup);
  const inUse = exportChangeInUse(ctx, stack, outputs);
  if (inUse !== undefined) return fail(inUse);
  const imports = request.imports ?? [];
  const { statusReason: _dropped, imports: _i, templateBody: _t, ...rest } = updating;
  const cleanup: Stack = {
    ...rest,
    status: "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS",
    resources,
    outputs,
    parameters: { ...request.parameters },
    ...(imports.length > 0 ? { imports } : {}),
    ...(request.templateBody === undefined ? {} : { templateBody: request.templateBody }),
  };
  saveStack(ctx, cleanup);
  recordStackEvent(ctx, cleanup, "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS");
  const keptIds = new Set(resources.map((r) => r.logicalId));
  const samePhysical = (r: StackResource) => live.get(r.logicalId)?.physicalId === r.physicalId;
  const doomed = stack.resources.filter(
    (r) => !keptIds.has(r.logicalId) || (replaced.includes(r) && !samePhysical(r)),
  );
  removeResources(ctx, cleanup, doomed, actor);
  const done: Stack = { ...cleanup, status: "UPDATE_COMPLETE" };
  saveStack(ctx, done);
  recordStackEvent(ctx, done, "UPDATE_COMPLETE");
  return done;
}
