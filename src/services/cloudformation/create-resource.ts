/**
 * Creating one resource of a stack: its properties resolved against the
 * resources made so far, its handler run with every operation authorized
 * for the deploying principal, and its events. A new resource gets
 * `CREATE_IN_PROGRESS` ("Resource creation Initiated") and
 * `CREATE_COMPLETE`; the new physical resource of a replacement (a stack
 * update) gets `UPDATE_IN_PROGRESS` ("Requested update requires the
 * creation of a new physical resource; hence creating one.") and
 * `UPDATE_COMPLETE`, as CloudFormation writes them. A placeholder's warning
 * is the completing event's reason. Unless told not to (`check`), the
 * Secrets Manager dynamic references in the properties are resolved first
 * as the deploying principal (dynamic-references.ts); only the handler
 * sees those values. The resolved properties are kept (as fingerprint.ts
 * writes them, with the references' text, never their values) for later
 * updates. A failure is thrown for the deployer to record.
 */
import type { DeployableResource, PhysicalLookup } from "../../templates/model.js";
import type { ServiceContext } from "../context.js";
import { allowOperation, type DeployActor } from "./actor.js";
import {
  type ConcreteProperties,
  keepingValuesOut,
  resolveDynamicReferences,
} from "./dynamic-references.js";
import { recordEvent } from "./events.js";
import { fingerprint } from "./fingerprint.js";
import type { Stack, StackResource } from "./model.js";
import { PropertyReader, type Props } from "./properties.js";
import type { HandlerEnv } from "./resource-handler.js";
import { handlerFor } from "./resources/index.js";

/**
 * The reason CloudFormation gives the new physical resource of a replacement.
 *
 * @example
 * REPLACEMENT_REASON.startsWith("Requested update requires the creation"); // true
 */
export const REPLACEMENT_REASON =
  "Requested update requires the creation of a new physical resource; hence creating one.";

/**
 * The environment a handler runs in for one resource of a stack.
 *
 * @example
 * handlerEnv(ctx, stack, "Role", actor).allow("iam:CreateRole", "arn:aws:iam::000000000000:role/x");
 */
export function handlerEnv(
  ctx: ServiceContext,
  stack: Pick<Stack, "stackName">,
  logicalId: string,
  actor: DeployActor,
): HandlerEnv {
  return {
    ctx,
    stackName: stack.stackName,
    logicalId,
    allow: (action, arn) => allowOperation(ctx, actor, action, arn),
  };
}

/** How the deployer makes a resource's properties concrete. */
export interface DeployOptions {
  /**
   * Resolve `{{resolve:secretsmanager:…}}` references as the deploying
   * principal (the default, as CloudFormation does); `false` leaves them
   * symbolic (`check`, whose emulator has none of the account's secrets).
   */
  readonly resolveDynamicReferences?: boolean;
}

/**
 * The properties a handler is given: `resolved` with its Secrets Manager
 * references resolved unless `options` says not to.
 *
 * @example
 * concreteProperties(ctx, actor, resource, resource.properties(lookup), {}).props;
 */
export function concreteProperties(
  ctx: ServiceContext,
  actor: DeployActor,
  resource: DeployableResource,
  resolved: Props,
  options: DeployOptions,
): ConcreteProperties {
  if (options.resolveDynamicReferences === false) return { props: resolved, values: [] };
  return resolveDynamicReferences(ctx, actor, resource, resolved);
}

/**
 * Creates `resource`; answers it as the stack records it.
 *
 * @example
 * createResource(ctx, stack, resource, lookup, actor).physicalId; // "vpc-…"
 */
export function createResource(
  ctx: ServiceContext,
  stack: Pick<Stack, "stackId" | "stackName">,
  resource: DeployableResource,
  lookup: PhysicalLookup,
  actor: DeployActor,
  replacing = false,
  options: DeployOptions = {},
): StackResource {
  const { logicalId, type } = resource;
  const resolved = resource.properties(lookup);
  const concrete = concreteProperties(ctx, actor, resource, resolved, options);
  const props = new PropertyReader(logicalId, concrete.props);
  const env = handlerEnv(ctx, stack, logicalId, actor);
  const created = keepingValuesOut(concrete.values, () => handlerFor(type).create(env, props));
  const { physicalId, warning } = created;
  const [progress, done] = replacing
    ? (["UPDATE_IN_PROGRESS", "UPDATE_COMPLETE"] as const)
    : (["CREATE_IN_PROGRESS", "CREATE_COMPLETE"] as const);
  const reason = replacing ? REPLACEMENT_REASON : "Resource creation Initiated";
  recordEvent(ctx, stack, { logicalId, physicalId, type, status: progress, reason });
  const note = warning === undefined ? {} : { reason: warning };
  recordEvent(ctx, stack, { logicalId, physicalId, type, status: done, ...note });
  return {
    logicalId,
    type,
    physicalId,
    attributes: created.attributes,
    undo: created.undo,
    status: done,
    timestampMs: ctx.clock(),
    properties: fingerprint(resolved),
    ...(warning === undefined ? {} : { statusReason: warning }),
  };
}
