/**
 * Who CloudFormation acts as while it creates and deletes a stack's
 * resources (aws-facts G3): with a service role, a session of that role,
 * which CloudFormation obtains only if the role's trust policy admits
 * `cloudformation.amazonaws.com` (otherwise CreateStack is refused with
 * "Role <arn> is invalid or cannot be assumed"); without one, the caller
 * itself. Each resource operation is then decided by the policy engine over
 * that principal's identity policies, boundary and session policy, read
 * afresh for every operation; a refusal is the service's `AccessDenied`
 * with AWS's wording.
 */
import { denialMessage } from "../../engines/policy/denial-message.js";
import { authorize, compilePolicySet } from "../../engines/policy/evaluate.js";
import type { NamedPolicy } from "../../engines/policy/policy-set.js";
import type { ServiceContext } from "../context.js";
import { ServiceError } from "../service-error.js";
import { assumeRoleForService } from "../sts/assume-role-for-service.js";
import { callerPolicies } from "../sts/caller-policies.js";
import { SERVICE_ROLE_SESSION_NAME } from "./assumptions.js";
import { validationError } from "./errors.js";

/** CloudFormation's service principal. */
export const CLOUDFORMATION_PRINCIPAL = "cloudformation.amazonaws.com";

/** The principal resource operations run as. */
export interface DeployActor {
  readonly principalArn: string;
  readonly sessionPolicy?: string;
}

/**
 * A session of the stack's service role, or CloudFormation's refusal.
 *
 * @example
 * serviceRoleActor(ctx, "arn:aws:iam::000000000000:role/cfn").principalArn;
 * // "arn:aws:sts::000000000000:assumed-role/cfn/AWSCloudFormation"
 */
export function serviceRoleActor(ctx: ServiceContext, roleArn: string): DeployActor {
  const result = assumeRoleForService(ctx, {
    roleArn,
    servicePrincipal: CLOUDFORMATION_PRINCIPAL,
    sessionName: SERVICE_ROLE_SESSION_NAME,
  });
  if (!result.granted) throw validationError(`Role ${roleArn} is invalid or cannot be assumed`);
  return { principalArn: result.session.assumedRoleUser.arn };
}

/** What an operation's decision adds to the actor's own policies. */
export interface OperationScope {
  /** The resource's own policy (a secret's), decided together with the actor's. */
  readonly resourcePolicy?: NamedPolicy;
  /** Condition keys of the service the operation belongs to. */
  readonly context?: Readonly<Record<string, string>>;
}

/**
 * AWS's AccessDenied message when `actor` may not perform `action` on
 * `resource`, or `undefined` when it may.
 *
 * @example
 * operationDenial(ctx, actor, "secretsmanager:GetSecretValue", arn, { resourcePolicy });
 * // "User: … is not authorized to perform: secretsmanager:GetSecretValue on resource: … with an explicit deny in a resource-based policy"
 */
export function operationDenial(
  ctx: ServiceContext,
  actor: DeployActor,
  action: string,
  resource: string,
  scope: OperationScope = {},
): string | undefined {
  const policies = callerPolicies(ctx, actor);
  const set = compilePolicySet({
    identityPolicies: policies.identityPolicies,
    ...(policies.permissionsBoundary ? { permissionsBoundary: policies.permissionsBoundary } : {}),
    ...(policies.sessionPolicy ? { sessionPolicy: policies.sessionPolicy } : {}),
    ...(scope.resourcePolicy ? { resourcePolicy: scope.resourcePolicy } : {}),
  });
  const now = ctx.clock();
  const decision = authorize(set, {
    principal: actor.principalArn,
    action,
    resource,
    context: {
      "aws:CurrentTime": new Date(now).toISOString(),
      "aws:EpochTime": String(Math.floor(now / 1000)),
      "aws:RequestedRegion": ctx.region,
      "aws:CalledVia": CLOUDFORMATION_PRINCIPAL,
      ...scope.context,
    },
  });
  if (decision.decision === "Allowed") return undefined;
  return denialMessage(actor.principalArn, action, resource, decision);
}

/**
 * Throws `AccessDenied` (403) unless `actor` may perform `action` on `resource`.
 *
 * @example
 * allowOperation(ctx, actor, "iam:CreateRole", "arn:aws:iam::000000000000:role/app");
 */
export function allowOperation(
  ctx: ServiceContext,
  actor: DeployActor,
  action: string,
  resource: string,
): void {
  const denied = operationDenial(ctx, actor, action, resource);
  if (denied !== undefined) throw new ServiceError("AccessDenied", 403, denied);
}
