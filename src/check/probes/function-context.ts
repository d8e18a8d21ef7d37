/**
 * What probes need to act as a Lambda function: the deployed functions
 * with their stored configuration, the role session Lambda
 * gives it (`assumed-role/<role>/<function>`), an address for its network
 * interface in a subnet, and the Secrets Manager interface endpoint its SDK
 * calls resolve to when its VPC has one with private DNS.
 */
import type { ServiceContext } from "../../services/context.js";
import type { VpcEndpoint } from "../../services/ec2/model.js";
import { privateDnsEndpoint } from "../../services/ec2/private-dns-endpoint.js";
import { findFunction } from "../../services/lambda/functions.js";
import type { LambdaFunction } from "../../services/lambda/model.js";
import { type DeployedResource, type ProbeRun, resourcesOfType } from "../probe.js";

/**
 * Each deployed `AWS::Lambda::Function` with the function Lambda stored for it.
 *
 * @example
 * for (const { resource, fn } of deployedFunctions(run)) fn.vpcConfig;
 */
export function deployedFunctions(
  run: ProbeRun,
): { readonly resource: DeployedResource; readonly fn: LambdaFunction }[] {
  return resourcesOfType(run, "AWS::Lambda::Function").flatMap((resource) => {
    const fn = findFunction(run.ctx, resource.physicalId);
    return fn === undefined ? [] : [{ resource, fn }];
  });
}

/**
 * The function's execution role name and the session ARN Lambda runs it as.
 *
 * @example
 * functionSession(ctx, fn); // { roleName: "app-role", session: "arn:aws:sts::000000000000:assumed-role/app-role/app" }
 */
export function functionSession(
  ctx: ServiceContext,
  fn: LambdaFunction,
): { roleName: string; session: string } {
  const roleName = fn.role.slice(fn.role.lastIndexOf("/") + 1);
  return {
    roleName,
    session: `arn:aws:sts::${ctx.account}:assumed-role/${roleName}/${fn.functionName}`,
  };
}

/**
 * The Secrets Manager interface endpoint with private DNS in the function's VPC, if any.
 *
 * @example
 * secretsEndpointOf(ctx, fn)?.vpcEndpointId; // "vpce-0123456789abcdef0"
 */
export function secretsEndpointOf(
  ctx: ServiceContext,
  fn: LambdaFunction,
): VpcEndpoint | undefined {
  const vpc = fn.vpcConfig;
  if (vpc === undefined) return undefined;
  return privateDnsEndpoint(ctx, vpc.vpcId, ctx.region, "secretsmanager");
}
