/**
 * `accesslab deploy --in-memory`: the template is deployed into a fresh
 * in-memory emulator in this process (for CI without a server), as the
 * account root, through the same deployer CreateStack uses, and its events
 * are answered for printing.
 */
import { randomBytes } from "node:crypto";
import { createStack } from "../../services/cloudformation/create-stack.js";
import { stackEvents } from "../../services/cloudformation/events.js";
import type { ServiceContext } from "../../services/context.js";
import { DEFAULT_REGION } from "../../services/context.js";
import { rootArn } from "../../services/iam/ids.js";
import { DEFAULT_ACCOUNT } from "../../services/sts/bootstrap.js";
import { memoryStore } from "../../store/memory/store.js";
import type { CloudFormationTemplate } from "../../templates/cfn/outputs.js";
import type { DeployEvent } from "./deploy-events.js";

/** What to deploy. */
export interface LocalDeploy {
  readonly stackName: string;
  readonly template: CloudFormationTemplate;
  readonly parameters: Readonly<Record<string, string>>;
  readonly roleArn?: string;
}

/**
 * Deploys into a fresh emulator; answers the stack's events, oldest first.
 *
 * @example
 * deployInMemory({ stackName: "app", template, parameters: {} }).at(-1)?.status; // "CREATE_COMPLETE"
 */
export function deployInMemory(request: LocalDeploy): DeployEvent[] {
  const ctx: ServiceContext = {
    store: memoryStore(),
    clock: Date.now,
    random: (n) => new Uint8Array(randomBytes(n)),
    account: DEFAULT_ACCOUNT,
    region: process.env.AWS_REGION ?? DEFAULT_REGION,
  };
  const stack = createStack(ctx, {
    stackName: request.stackName,
    template: request.template,
    outputs: request.template.outputs,
    parameters: request.parameters,
    caller: { principalArn: rootArn(DEFAULT_ACCOUNT) },
    ...(request.roleArn === undefined ? {} : { roleArn: request.roleArn }),
  });
  return stackEvents(ctx, stack.stackId).map((e) => ({
    eventId: e.eventId,
    timestamp: new Date(e.timestampMs),
    logicalId: e.logicalResourceId,
    type: e.resourceType,
    status: e.resourceStatus,
    ...(e.resourceStatusReason === undefined ? {} : { reason: e.resourceStatusReason }),
  }));
}
