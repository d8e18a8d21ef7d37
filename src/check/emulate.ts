/**
 * Emulating a template for the checker: expand SAM, resolve, and deploy it
 * into a fresh in-memory emulator as the account root. A resource that
 * fails to create is remembered with the service's reason (Lambda's
 * "cannot be assumed by Lambda", a missing mount target, …), then it and
 * everything that depends on it are left out and the rest is deployed
 * again, so one failure does not hide what the other resources would do.
 * The result is what probes look at.
 */
import { randomBytes } from "node:crypto";
import { createStack } from "../services/cloudformation/create-stack.js";
import { stackEvents } from "../services/cloudformation/events.js";
import type { ServiceContext } from "../services/context.js";
import { openStore } from "../store/open.js";
import { resolveTemplate } from "../templates/cfn/resolve-template.js";
import type { DeployableResource, PhysicalLookup, TemplateDocument } from "../templates/model.js";
import { expandSam } from "../templates/sam/transform.js";
import type { DeployedResource, ProbeRun } from "./probe.js";

/** A resource that could not be created, and why. */
export interface DeployFailure {
  readonly resource: DeployableResource;
  /** The service's message, as CloudFormation's event shows it. */
  readonly reason: string;
}

/** What emulating a template produced. */
export interface Emulation {
  readonly run: ProbeRun;
  readonly failures: readonly DeployFailure[];
  /** Every resource the template declares, deployed or not. */
  readonly declared: readonly DeployableResource[];
  /** Ref and GetAtt over what was deployed. */
  readonly lookup: PhysicalLookup;
}

/** A fresh in-memory emulator with the default account and region. */
function emulatorContext(): ServiceContext {
  return {
    store: openStore({ kind: "memory" }),
    clock: Date.now,
    random: (n) => new Uint8Array(randomBytes(n)),
    account: "000000000000",
    region: "us-east-1",
  };
}

/**
 * Deploys `document` for probing; `undefined` when it cannot be resolved
 * (the reader's diagnostics say why).
 *
 * @example
 * const emulation = emulateTemplate(document);
 * PROBES.flatMap((probe) => probe(emulation.run));
 */
export function emulateTemplate(document: TemplateDocument): Emulation | undefined {
  const template = resolveTemplate(expandSam(document).document);
  if (template.diagnostics.some((d) => d.severity === "error")) return undefined;
  const failures: DeployFailure[] = [];
  let remaining = [...template.resources];
  for (;;) {
    const ctx = emulatorContext();
    const stack = createStack(ctx, {
      stackName: "accesslab-check",
      template: { ...template, resources: remaining },
      caller: { principalArn: `arn:aws:iam::${ctx.account}:root` },
    });
    const failed = stackEvents(ctx, stack.stackId).find(
      (e) => e.resourceStatus === "CREATE_FAILED",
    );
    const failedResource = remaining.find((r) => r.logicalId === failed?.logicalResourceId);
    if (
      stack.status === "CREATE_COMPLETE" ||
      failed === undefined ||
      failedResource === undefined
    ) {
      const lookup = lookupOf(stack.resources);
      return {
        run: { ctx, resources: deployed(lookup, stack.resources, remaining) },
        failures,
        declared: template.resources,
        lookup,
      };
    }
    failures.push({ resource: failedResource, reason: failed.resourceStatusReason ?? "" });
    remaining = withoutDependents(remaining, failedResource.logicalId);
  }
}

type Created = {
  readonly logicalId: string;
  readonly physicalId: string;
  readonly attributes: Readonly<Record<string, string>>;
};

function lookupOf(created: readonly Created[]): PhysicalLookup {
  const byId = new Map(created.map((r) => [r.logicalId, r]));
  return (logicalId, attribute) => {
    const r = byId.get(logicalId);
    if (r === undefined) return undefined;
    return attribute === undefined ? r.physicalId : r.attributes[attribute];
  };
}

function deployed(
  lookup: PhysicalLookup,
  created: readonly Created[],
  resources: readonly DeployableResource[],
): DeployedResource[] {
  const byId = new Map(created.map((r) => [r.logicalId, r]));
  return resources.flatMap((resource) => {
    const made = byId.get(resource.logicalId);
    if (made === undefined) return [];
    return [
      {
        logicalId: resource.logicalId,
        type: resource.type,
        physicalId: made.physicalId,
        dependsOn: resource.dependsOn,
        file: resource.file,
        ...(resource.position === undefined ? {} : { position: resource.position }),
        properties: resource.properties(lookup),
        positionOf: (path) => resource.positionOf(path),
      },
    ];
  });
}

/** `resources` without `logicalId` and everything that needs it, directly or not. */
function withoutDependents(
  resources: readonly DeployableResource[],
  logicalId: string,
): DeployableResource[] {
  const gone = new Set([logicalId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of resources) {
      if (!gone.has(r.logicalId) && r.dependsOn.some((d) => gone.has(d))) {
        gone.add(r.logicalId);
        grew = true;
      }
    }
  }
  return resources.filter((r) => !gone.has(r.logicalId));
}
