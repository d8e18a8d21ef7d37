/**
 * Findings from resources the emulator could not create. A function whose
 * execution role Lambda cannot assume fails at creation with Lambda's
 * own message; when that role is a CloudFormation service role (it trusts
 * `cloudformation.amazonaws.com`), it is the Serverless deployment-role
 * case of seeds-digest section 5 and is named as such. Other failures are
 * reported with the service's reason under the resource that failed.
 */

import { LAMBDA_CANNOT_ASSUME_ROLE } from "../../services/sts/assume-role-for-service.js";
import { roleByArn } from "../../services/sts/find-role.js";
import type { DeploymentSetting } from "../deployment-setting.js";
import type { DeployFailure, Emulation } from "../emulate.js";
import type { Finding } from "../finding.js";
import { findingOf } from "../finding-of.js";
import type { DeployedResource } from "../probe.js";
import { lambdaEfsRefusal } from "./lambda-efs-refusals.js";
import { serviceMayAssume } from "./role-trust.js";

/**
 * The findings for every resource that failed to deploy.
 *
 * @example
 * deployFailureFindings(emulateTemplate(document).emulation!); // [{ ruleId: "iam-deployment-role-used-by-lambda", … }]
 */
export function deployFailureFindings(
  emulation: Emulation,
  setting: DeploymentSetting = {},
): Finding[] {
  return emulation.failures.map((failure) => findingFor(emulation, failure, setting));
}

function findingFor(
  emulation: Emulation,
  failure: DeployFailure,
  setting: DeploymentSetting,
): Finding {
  const { resource, reason } = failure;
  const properties = resource.properties(emulation.lookup);
  const asDeployed: DeployedResource = {
    logicalId: resource.logicalId,
    type: resource.type,
    physicalId: "",
    dependsOn: resource.dependsOn,
    file: resource.file,
    ...(resource.position === undefined ? {} : { position: resource.position }),
    properties,
    positionOf: (path) => resource.positionOf(path),
  };
  const evidence = [`CREATE_FAILED ${resource.type} ${resource.logicalId}: ${reason}`];
  const roleArn = properties.Role;
  if (resource.type === "AWS::Lambda::Function" && reason.includes(LAMBDA_CANNOT_ASSUME_ROLE)) {
    const role = typeof roleArn === "string" ? roleByArn(emulation.run.ctx, roleArn) : undefined;
    const roleName =
      emulation.declared.find(
        (r) => r.type === "AWS::IAM::Role" && emulation.lookup(r.logicalId, "Arn") === roleArn,
      )?.logicalId ?? String(roleArn);
    const deployment =
      role !== undefined &&
      serviceMayAssume(emulation.run.ctx, role, "cloudformation.amazonaws.com");
    const serviceRole = setting.serviceRole;
    if (serviceRole !== undefined && serviceRole.arn === roleArn)
      evidence.push(
        `${roleArn} is the stack's service role: \`${serviceRole.setting}\` in ${serviceRole.file}${serviceRole.position ? `:${serviceRole.position.line}:${serviceRole.position.column}` : ""}`,
      );
    return findingOf({
      ruleId: deployment
        ? "iam-deployment-role-used-by-lambda"
        : "iam-role-not-assumable-by-lambda",
      resource: asDeployed,
      values: { role: roleName, function: resource.logicalId },
      evidence,
      path: ["Role"],
    });
  }
  const efs = lambdaEfsRefusal(emulation, failure, asDeployed, properties);
  if (efs !== undefined) return efs;
  return findingOf({
    ruleId: "stack-resource-creation-fails",
    resource: asDeployed,
    values: { resource: resource.logicalId, type: resource.type, reason },
    evidence,
  });
}
