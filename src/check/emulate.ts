/**
 * Emulating a template for the checker: expand SAM, resolve, and deploy it
 * into a fresh in-memory emulator as the account root, in the account the
 * deployment setting names (else the one most of its undeclared roles live
 * in, else the emulator's default), with its undeclared roles emulated
 * (`external-roles.ts`). What the expansion and resolution report comes
 * back as diagnostics, so a missing reference is an error with its
 * position, never a silent pass. A resource that fails to create is
 * remembered with the service's reason (Lambda's "cannot be assumed by
 * Lambda", a missing mount target, …), unless it failed on what the
 * checker cannot see (`undeclared-references.ts`); then it and
 * everything that depends on it are left out and the rest is deployed
 * again, so one failure does not hide what the other resources would do.
 * A secret whose value only the real account knows is deployed with a
 * stand-in value (`unknown-secret-value.ts`): no probe reads it.
 * The result is what probes look at.
 */
import { randomBytes } from "node:crypto";
import { member } from "../formats/json-tree.js";
import { createStack } from "../services/cloudformation/create-stack.js";
import { stackEvents } from "../services/cloudformation/events.js";
import type { ServiceContext } from "../services/context.js";
import { openStore } from "../store/open.js";
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from "../templates/cfn/assumptions.js";
import { resolveTemplate } from "../templates/cfn/resolve-template.js";
import type {
  DeployableResource,
  PhysicalLookup,
  TemplateDiagnostic,
  TemplateDocument,
} from "../templates/model.js";
import { expandSam } from "../templates/sam/transform.js";
import type { DeploymentSetting } from "./deployment-setting.js";
import { createExternalRoles, type ExternalRole, externalRoles } from "./external-roles.js";
import type { DeployedResource, ProbeRun } from "./probe.js";
import { type BlindSpot, blindSpot } from "./undeclared-references.js";
import { withKnownSecretValue } from "./unknown-secret-value.js";

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

/** What emulating produced: the emulation, unless an error kept the template from deploying. */
export interface EmulationResult {
  readonly emulation?: Emulation;
  /** What the SAM expansion, the resolution and the emulation of undeclared roles reported. */
  readonly diagnostics: readonly TemplateDiagnostic[];
}

/** A fresh in-memory emulator for `account` in `region`. */
function emulatorContext(account: string, region: string): ServiceContext {
  return {
    store: openStore({ kind: "memory" }),
    clock: Date.now,
    random: (n) => new Uint8Array(randomBytes(n)),
    account,
    region,
  };
}

/**
 * Deploys `document` for probing, as `setting` says it will be deployed.
 *
 * @example
 * const { emulation, diagnostics } = emulateTemplate(document);
 * emulation && PROBES.flatMap((probe) => probe(emulation.run));
 */
export function emulateTemplate(
  document: TemplateDocument,
  setting: DeploymentSetting = {},
): EmulationResult {
  const expanded = expandSam(document);
  const region = setting.region ?? DEFAULT_REGION;
  const parameters = declaredOnly(expanded.document, setting.parameters ?? {});
  const resolveIn = (accountId: string) =>
    resolveTemplate(expanded.document, { region, accountId, parameters });
  const firstPass = resolveIn(setting.account ?? DEFAULT_ACCOUNT_ID);
  // Without a given account, the template is deployed in the one its
  // undeclared roles name: resolved again only when that differs.
  const account =
    setting.account ?? accountOfRoles(externalRoles(firstPass.resources)) ?? DEFAULT_ACCOUNT_ID;
  const template =
    account === (setting.account ?? DEFAULT_ACCOUNT_ID) ? firstPass : resolveIn(account);
  const diagnostics: TemplateDiagnostic[] = [...expanded.diagnostics, ...template.diagnostics];
  if (diagnostics.some((d) => d.severity === "error")) return { diagnostics };
  const roles = externalRoles(template.resources);
  const failures: DeployFailure[] = [];
  // A secret's value is never a probe's input: an unknowable one gets a stand-in.
  let remaining = template.resources.map(withKnownSecretValue);
  for (let attempt = 0; ; attempt++) {
    const ctx = emulatorContext(account, region);
    const assumed = createExternalRoles(ctx, roles, setting.serviceRole);
    if (attempt === 0) diagnostics.push(...assumed);
    const stack = createStack(ctx, {
      stackName: "accesslab-check",
      template: { ...template, resources: remaining },
      caller: { principalArn: `arn:aws:iam::${ctx.account}:root` },
      // The real account's secrets are not here: dynamic references stay symbolic.
      resolveDynamicReferences: false,
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
      const emulation: Emulation = {
        run: { ctx, resources: deployed(lookup, stack.resources, remaining) },
        failures,
        declared: template.resources,
        lookup,
      };
      return { emulation, diagnostics };
    }
    const reason = failed.resourceStatusReason ?? "";
    const blind = blindSpot(failedResource, reason, lookupOf(stack.resources));
    if (blind === undefined) failures.push({ resource: failedResource, reason });
    else diagnostics.push(notProbed(failedResource, blind));
    remaining = withoutDependents(remaining, failedResource.logicalId);
  }
}

/** The values of `parameters` that `document` declares (one set of values serves many templates). */
function declaredOnly(
  document: TemplateDocument,
  parameters: Readonly<Record<string, string>>,
): Record<string, string> {
  const section = member(document.root, "Parameters");
  const declared = new Set(section?.kind === "object" ? section.entries.map((e) => e.key) : []);
  return Object.fromEntries(Object.entries(parameters).filter(([name]) => declared.has(name)));
}

/** The warning for a resource left out because it needs what the checker cannot see. */
function notProbed(resource: DeployableResource, blind: BlindSpot): TemplateDiagnostic {
  return {
    severity: "warning",
    code: "unknown-value-not-probed",
    message: `${blind.what}, so ${resource.logicalId} and what depends on it are not probed`,
    file: resource.file,
    logicalId: resource.logicalId,
    ...(blind.position === undefined ? {} : { position: blind.position }),
  };
}

/** The account most undeclared roles live in (the first met on a tie), if any. */
function accountOfRoles(roles: readonly ExternalRole[]): string | undefined {
  const counts = new Map<string, number>();
  for (const role of roles) counts.set(role.account, (counts.get(role.account) ?? 0) + 1);
  let best: string | undefined;
  for (const [account, count] of counts)
    if (best === undefined || count > (counts.get(best) ?? 0)) best = account;
  return best;
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
