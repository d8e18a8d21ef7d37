/**
 * Roles a template uses but does not declare: a function's `Role` or a
 * task definition's `TaskRoleArn` written as the ARN of a role that
 * already exists in the account. The checker cannot see such a role, so
 * it emulates the most plausible one (it exists, trusts the services that
 * use it, and allows what they do) and says so with a warning, instead of
 * reporting Lambda's "cannot be assumed" for a role it never saw. The
 * stack's own service role (a Serverless `deploymentRole`) is the
 * exception: what it trusts is known well enough to emulate it as it is
 * (see `SERVICE_ROLE_TRUSTED_SERVICES`).
 */
import type { ServiceContext } from "../services/context.js";
import { parseRoleArn } from "../services/iam/ids.js";
import { putRolePolicy } from "../services/iam/role-policies.js";
import { createRole, findRole } from "../services/iam/roles.js";
import type { DeployableResource, TemplateDiagnostic } from "../templates/model.js";
import type { ServiceRoleSetting } from "./deployment-setting.js";

/** Properties that name a role a service assumes, with that service, by resource type. */
const ROLE_PROPERTIES: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  "AWS::Lambda::Function": [["Role", "lambda.amazonaws.com"]],
  "AWS::ECS::TaskDefinition": [
    ["TaskRoleArn", "ecs-tasks.amazonaws.com"],
    ["ExecutionRoleArn", "ecs-tasks.amazonaws.com"],
  ],
};

/**
 * What a stack's service role trusts. UNCONFIRMED for any given account:
 * CloudFormation can only use a role that trusts
 * `cloudformation.amazonaws.com`, and the Serverless Framework's and
 * CloudFormation's own examples trust that service alone, so that is what
 * the checker assumes; a deployment role that also trusts Lambda is
 * reported by its own rule when it is declared where the checker sees it.
 */
export const SERVICE_ROLE_TRUSTED_SERVICES = ["cloudformation.amazonaws.com"] as const;

/** The permissions an undeclared role is assumed to have: whatever its users do. */
const ASSUMED_PERMISSIONS = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
});

/** A role named by ARN in the template and not declared by it. */
export interface ExternalRole {
  readonly arn: string;
  readonly account: string;
  /** `/` or `/a/b/`. */
  readonly path: string;
  readonly roleName: string;
  /** The services that assume it, from the properties that name it. */
  readonly services: readonly string[];
  /** The first resource that names it, for the diagnostic's position. */
  readonly usedBy: DeployableResource;
  readonly property: string;
}

/**
 * The undeclared roles `resources` name, in the order they are first met.
 *
 * @example
 * externalRoles(template.resources).map((r) => r.arn); // ["arn:aws:iam::111122223333:role/existing"]
 */
export function externalRoles(resources: readonly DeployableResource[]): ExternalRole[] {
  const declared = new Set(
    resources.flatMap((r) => {
      const name = r.type === "AWS::IAM::Role" ? r.properties(() => undefined).RoleName : undefined;
      return typeof name === "string" ? [name] : [];
    }),
  );
  const found = new Map<string, ExternalRole>();
  for (const resource of resources) {
    const uses = ROLE_PROPERTIES[resource.type];
    if (uses === undefined) continue;
    const properties = resource.properties(() => undefined);
    for (const [property, service] of uses) {
      const arn = properties[property];
      const parts = typeof arn === "string" ? parseRoleArn(arn) : undefined;
      if (typeof arn !== "string" || parts === undefined || declared.has(parts.roleName)) continue;
      const { account, path, roleName } = parts;
      const known = found.get(arn);
      if (known === undefined)
        found.set(arn, {
          arn,
          account,
          path,
          roleName,
          services: [service],
          usedBy: resource,
          property,
        });
      else if (!known.services.includes(service))
        found.set(arn, { ...known, services: [...known.services, service] });
    }
  }
  return [...found.values()];
}

/**
 * Creates in `ctx` the stack's service role and every external role of the
 * emulated account, and returns the warnings that say what was assumed.
 * Roles of other accounts are left out: using them is refused, as on AWS.
 *
 * @example
 * const warnings = createExternalRoles(ctx, externalRoles(template.resources), setting.serviceRole);
 */
export function createExternalRoles(
  ctx: ServiceContext,
  roles: readonly ExternalRole[],
  serviceRole: ServiceRoleSetting | undefined,
): TemplateDiagnostic[] {
  const diagnostics: TemplateDiagnostic[] = [];
  const service = serviceRole ? parseRoleArn(serviceRole.arn) : undefined;
  if (serviceRole && service?.account === ctx.account) {
    createAssumedRole(ctx, service.roleName, service.path, SERVICE_ROLE_TRUSTED_SERVICES);
    diagnostics.push({
      severity: "warning",
      code: "service-role-assumed",
      message: `the stack's service role \`${serviceRole.arn}\` (\`${serviceRole.setting}\`) is emulated as CloudFormation service roles usually are: it trusts only \`${SERVICE_ROLE_TRUSTED_SERVICES.join("`, `")}\` and allows every action`,
      file: serviceRole.file,
      ...(serviceRole.position === undefined ? {} : { position: serviceRole.position }),
    });
  }
  for (const role of roles) {
    if (role.account !== ctx.account || findRole(ctx, role.roleName) !== undefined) continue;
    createAssumedRole(ctx, role.roleName, role.path, role.services);
    const position = role.usedBy.positionOf([role.property]);
    diagnostics.push({
      severity: "warning",
      code: "external-role-assumed",
      message: `role \`${role.arn}\` is not declared in this template: accesslab assumes it exists, trusts \`${role.services.join("`, `")}\` and allows what its users do, so its real trust and permissions are not checked`,
      file: role.usedBy.file,
      logicalId: role.usedBy.logicalId,
      ...(position === undefined ? {} : { position }),
    });
  }
  return diagnostics;
}

function createAssumedRole(
  ctx: ServiceContext,
  roleName: string,
  path: string,
  services: readonly string[],
): void {
  const trust = {
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Principal: { Service: [...services] }, Action: "sts:AssumeRole" },
    ],
  };
  createRole(ctx, {
    roleName,
    path,
    assumeRolePolicyDocument: JSON.stringify(trust),
  });
  putRolePolicy(ctx, roleName, "accesslab-assumed-permissions", ASSUMED_PERMISSIONS);
}
