/**
 * The network path of a VPC function's AWS calls. Inside a VPC, an
 * interface endpoint with private DNS takes over its service's public name,
 * so the function's SDK reaches that service through the endpoint: here,
 * `AWS_ENDPOINT_URL_<SERVICE>` points at the endpoint's path on accesslab
 * (`<endpoint>/_vpce/<id>`), and the call arrives with `aws:SourceVpce` and
 * `aws:SourceVpc` set, so a secret policy keyed on them decides as on AWS.
 * When the endpoint's security groups do not admit HTTPS from the
 * function's groups, the variable points at a closed port and the call
 * fails at once (on AWS it times out: see `BLOCKED_ENDPOINT_URL`). A
 * function outside a VPC, or a service without such an endpoint, keeps
 * the public path (`AWS_ENDPOINT_URL`).
 */
import type { ServiceContext } from "../../../services/context.js";
import { findSubnet } from "../../../services/ec2/lookup.js";
import type { VpcEndpoint } from "../../../services/ec2/model.js";
import { privateDnsEndpoint } from "../../../services/ec2/private-dns-endpoint.js";
import { canConnect } from "../../../services/ec2/reachability.js";
import { subnetAddress } from "../../../services/efs/subnet-address.js";
import { instanceInterface } from "../../../services/lambda/instance-interface.js";
import type { LambdaFunction } from "../../../services/lambda/model.js";
import type { InstanceInitHook } from "../init-hooks.js";

/**
 * The endpoint services accesslab serves, with the SDKs' environment
 * variable suffix for each (`AWS_ENDPOINT_URL_` + the SDK service id in
 * upper snake case).
 */
const SERVICE_VARIABLES: Readonly<Record<string, string>> = {
  secretsmanager: "SECRETS_MANAGER",
  sts: "STS",
  elasticfilesystem: "EFS",
  lambda: "LAMBDA",
  ec2: "EC2",
  ecs: "ECS",
  cloudformation: "CLOUDFORMATION",
  fsx: "FSX",
};

/**
 * Where a call through an endpoint the security groups block is sent: a
 * port nothing listens on, so the SDK fails with ECONNREFUSED instead of
 * AWS's connect timeout (a deliberate difference: waiting out the timeout
 * would only slow the function down).
 */
export const BLOCKED_ENDPOINT_URL = "http://127.0.0.1:9";

const HTTPS_PORT = 443;

/**
 * The `AWS_ENDPOINT_URL_*` variables of `fn` when accesslab's endpoint is `base`.
 *
 * @example
 * serviceEndpointVariables(ctx, fn, "http://127.0.0.1:4566");
 * // { AWS_ENDPOINT_URL_SECRETS_MANAGER: "http://127.0.0.1:4566/_vpce/vpce-0123456789abcdef0" }
 */
export function serviceEndpointVariables(
  ctx: ServiceContext,
  fn: LambdaFunction,
  base: string,
): Record<string, string> {
  const vpc = fn.vpcConfig;
  if (vpc === undefined || vpc.vpcId === "") return {};
  const variables: Record<string, string> = {};
  for (const [service, suffix] of Object.entries(SERVICE_VARIABLES)) {
    const endpoint = privateDnsEndpoint(ctx, vpc.vpcId, ctx.region, service);
    if (endpoint === undefined) continue;
    variables[`AWS_ENDPOINT_URL_${suffix}`] = reachable(ctx, fn, endpoint)
      ? `${base.replace(/\/$/, "")}/_vpce/${endpoint.vpcEndpointId}`
      : BLOCKED_ENDPOINT_URL;
  }
  return variables;
}

/**
 * The init hook that sets those variables for every instance.
 *
 * @example
 * createProcessRunner({ endpoint, services: () => env.services }); // registers it
 */
export function serviceEndpointsHook(services: () => ServiceContext): InstanceInitHook {
  return (setup) => {
    const base = setup.env.AWS_ENDPOINT_URL;
    if (base === undefined) return;
    Object.assign(setup.env, serviceEndpointVariables(services(), setup.request.fn, base));
  };
}

/** Whether HTTPS from the function's instance reaches the endpoint's first subnet. */
function reachable(ctx: ServiceContext, fn: LambdaFunction, endpoint: VpcEndpoint): boolean {
  const from = instanceInterface(ctx, fn);
  const toSubnet = findSubnet(ctx, endpoint.subnetIds[0] ?? "");
  if (from?.subnetId === undefined || toSubnet === undefined) return false;
  const to = {
    securityGroupIds: endpoint.securityGroupIds,
    subnetId: toSubnet.subnetId,
    ip: subnetAddress(toSubnet.cidrBlock, "first").ip ?? "",
  };
  return canConnect(ctx, { from, to, protocol: "tcp", port: HTTPS_PORT }).allowed;
}
