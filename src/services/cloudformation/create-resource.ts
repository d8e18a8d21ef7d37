/**
 * Creating one resource of a stack: its properties resolved against the
 * resources made so far, its handler run with every operation authorized
 * for the deploying principal, and its `CREATE_IN_PROGRESS` ("Resource
 * creation Initiated") and `CREATE_COMPLETE` events (a placeholder's
 * warning as the reason). A failure is thrown for the deployer to record.
 */
import type { DeployableResource, PhysicalLookup } from "../../templates/model.js";
import type { ServiceContext } from "../context.js";
import { allowOperation, type DeployActor } from "./actor.js";
import { recordEvent } from "./events.js";
import type { Stack, StackResource } from "./model.js";
import { PropertyReader } from "./properties.js";
import { handlerFor } from "./resources/index.js";

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
): StackResource {
  const { logicalId, type } = resource;
  const props = new PropertyReader(logicalId, resource.properties(lookup));
  const created = handlerFor(type).create(
    {
      ctx,
      stackName: stack.stackName,
      logicalId,
      allow: (action, arn) => allowOperation(ctx, actor, action, arn),
    },
    props,
  );
  const { physicalId, warning } = created;
  const reason = "Resource creation Initiated";
  recordEvent(ctx, stack, { logicalId, physicalId, type, status: "CREATE_IN_PROGRESS", reason });
  const note = warning === undefined ? {} : { reason: warning };
  recordEvent(ctx, stack, { logicalId, physicalId, type, status: "CREATE_COMPLETE", ...note });
  return {
    logicalId,
    type,
    physicalId,
    attributes: created.attributes,
    undo: created.undo,
    status: "CREATE_COMPLETE",
    timestampMs: ctx.clock(),
    ...(warning === undefined ? {} : { statusReason: warning }),
  };
}
