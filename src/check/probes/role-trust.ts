/**
 * The role trust probe: asks STS, as each service would, whether a role's
 * trust policy lets the service assume it. A task definition's task and
 * execution roles must admit `ecs-tasks.amazonaws.com`; a role that admits
 * both `cloudformation.amazonaws.com` and `lambda.amazonaws.com` is a
 * deployment role a function may run as, which gets a warning. (Lambda
 * execution roles are decided when the function is created; see
 * `deploy-failures.ts`.)
 */

import type { ServiceContext } from "../../services/context.js";
import type { Role } from "../../services/iam/model.js";
import { findRole } from "../../services/iam/roles.js";
import { roleByArn } from "../../services/sts/find-role.js";
import { decideAssumeRole } from "../../services/sts/trust.js";
import type { Finding } from "../finding.js";
import { findingOf } from "../finding-of.js";
import { byPhysicalId, type Probe, type ProbeRun, resourcesOfType } from "../probe.js";

/**
 * True when `service` may assume `role` according to its trust policy.
 *
 * @example
 * serviceMayAssume(ctx, role, "lambda.amazonaws.com"); // true
 */
export function serviceMayAssume(ctx: ServiceContext, role: Role, service: string): boolean {
  return decideAssumeRole(ctx, role, { principal: service }).decision === "Allowed";
}

/**
 * Probes the roles of task definitions and the deployment roles.
 *
 * @example
 * probeRoleTrust({ ctx, resources }); // [{ ruleId: "iam-role-not-assumable-by-ecs-tasks", … }]
 */
export const probeRoleTrust: Probe = (run) => [...taskRoles(run), ...deploymentRoles(run)];

function taskRoles(run: ProbeRun): Finding[] {
  const findings: Finding[] = [];
  for (const task of resourcesOfType(run, "AWS::ECS::TaskDefinition")) {
    for (const key of ["TaskRoleArn", "ExecutionRoleArn"]) {
      const arn = task.properties[key];
      if (typeof arn !== "string") continue;
      const role = roleByArn(run.ctx, arn);
      if (role === undefined || serviceMayAssume(run.ctx, role, "ecs-tasks.amazonaws.com"))
        continue;
      const roleResource = byPhysicalId(run, "AWS::IAM::Role", role.roleName);
      findings.push(
        findingOf({
          ruleId: "iam-role-not-assumable-by-ecs-tasks",
          resource: roleResource ?? task,
          values: { role: roleResource?.logicalId ?? arn, taskDefinition: task.logicalId },
          evidence: [
            `sts:AssumeRole on ${arn} as ecs-tasks.amazonaws.com: implicitly denied (no statement of its trust policy allows the service)`,
          ],
          path: roleResource ? ["AssumeRolePolicyDocument"] : [key],
        }),
      );
    }
  }
  return findings;
}

function deploymentRoles(run: ProbeRun): Finding[] {
  return resourcesOfType(run, "AWS::IAM::Role").flatMap((resource) => {
    const role = findRole(run.ctx, resource.physicalId);
    if (role === undefined) return [];
    const deploys = serviceMayAssume(run.ctx, role, "cloudformation.amazonaws.com");
    if (!deploys || !serviceMayAssume(run.ctx, role, "lambda.amazonaws.com")) return [];
    return [
      findingOf({
        ruleId: "iam-deployment-role-assumable-by-lambda",
        resource,
        values: { role: resource.logicalId },
        evidence: [
          "sts:AssumeRole as cloudformation.amazonaws.com: allowed",
          "sts:AssumeRole as lambda.amazonaws.com: allowed",
        ],
        path: ["AssumeRolePolicyDocument"],
      }),
    ];
  });
}
