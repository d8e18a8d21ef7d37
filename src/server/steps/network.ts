/**
 * Step: which VPC endpoint the call came through, if any (see
 * `network-path.ts` for how a client says so). The endpoint must exist and
 * be an Interface endpoint for the routed service
 * (`com.amazonaws.<region>.<endpoint prefix>`), otherwise the call is
 * refused with 400 naming both; then `exchange.network` holds the
 * endpoint, its VPC and its parsed policy for the authorize step.
 */
import { parsePolicy } from "../../engines/policy/parse.js";
import { ProtocolError } from "../../protocol/errors.js";
import { findVpcEndpoint } from "../../services/ec2/lookup.js";
import { requestedEndpoint } from "../network-path.js";
import type { Step } from "./step.js";

/** Endpoint prefixes (the last part of a service name) that differ from accesslab's service ids. */
const ENDPOINT_PREFIXES: Readonly<Record<string, string>> = { efs: "elasticfilesystem" };

/**
 * Resolves the endpoint the call names.
 *
 * @example
 * network(exchange, env); // exchange.network = { vpcEndpointId: "vpce-0abc…", vpcId: "vpc-…", endpointPolicy }
 */
export const network: Step = (exchange, env) => {
  const { request, route } = exchange;
  if (request === undefined || route === undefined) throw new Error("network before route");
  const xml = exchange.format === "query" || exchange.format === "ec2";
  const code = xml ? "InvalidRequest" : "InvalidRequestException";
  const id = requestedEndpoint(request, code);
  if (id === undefined) return;
  const endpoint = findVpcEndpoint(env.services, id);
  if (endpoint === undefined) {
    throw new ProtocolError(code, 400, `the VPC endpoint \`${id}\` does not exist`);
  }
  const prefix = ENDPOINT_PREFIXES[route.service] ?? route.service;
  const expected = `com.amazonaws.${env.services.region}.${prefix}`;
  if (endpoint.vpcEndpointType !== "Interface" || endpoint.serviceName !== expected) {
    throw new ProtocolError(
      code,
      400,
      `the VPC endpoint \`${id}\` is a ${endpoint.vpcEndpointType} endpoint for \`${endpoint.serviceName}\`, but this call is for \`${route.service}\`, which needs an Interface endpoint for \`${expected}\``,
    );
  }
  const { policy } = parsePolicy(endpoint.policyDocument);
  exchange.network = {
    vpcEndpointId: endpoint.vpcEndpointId,
    vpcId: endpoint.vpcId,
    // CreateVpcEndpoint validated the policy; an unreadable one grants nothing.
    endpointPolicy: { name: "VPC endpoint policy", document: policy ?? { statements: [] } },
  };
};
