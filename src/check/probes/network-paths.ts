/**
 * The network path probe for VPC-attached functions. A function that uses
 * an FSx file server (its properties refer to one, or a secret it reads
 * does: the seed's functions take the server's host from a secret, see
 * `used-resources.ts`) must get TCP 445 out of its security groups and
 * into the server's; a function that uses a secret (it, or its execution
 * role, refers to one) from inside a VPC with a Secrets Manager interface
 * endpoint (private DNS on, so the SDK's calls go to the endpoint) must get
 * TCP 443 to the endpoint's groups. Each connection is decided by the
 * stored security group rules, from an address in the function's subnet to
 * one in the server's or endpoint's subnet.
 */
import { findSubnet } from "../../services/ec2/lookup.js";
import type { VpcEndpoint } from "../../services/ec2/model.js";
import { canConnect, type Endpoint } from "../../services/ec2/reachability.js";
import { subnetAddress } from "../../services/efs/subnet-address.js";
import { instanceInterface } from "../../services/lambda/instance-interface.js";
import type { ResolvedValue } from "../../templates/model.js";
import type { Finding } from "../finding.js";
import { findingOf } from "../finding-of.js";
import { byPhysicalId, type DeployedResource, type Probe, type ProbeRun } from "../probe.js";
import { deployedFunctions, secretsEndpointOf } from "./function-context.js";
import { usedFileServers, usedResources } from "./used-resources.js";

const SMB_PORT = 445;
const HTTPS_PORT = 443;

/**
 * Probes the network paths of every VPC-attached function.
 *
 * @example
 * probeNetworkPaths({ ctx, resources }); // [{ ruleId: "smb-egress-445-blocked", … }]
 */
export const probeNetworkPaths: Probe = (run) => {
  const findings: Finding[] = [];
  for (const { resource, fn } of deployedFunctions(run)) {
    const from = instanceInterface(run.ctx, fn);
    if (from?.subnetId === undefined) continue;
    for (const server of usedFileServers(run, resource, fn)) {
      const found = smbPath(run, resource, from, server);
      if (found !== undefined) findings.push(found);
    }
    const endpoint = secretsEndpointOf(run.ctx, fn);
    if (
      endpoint !== undefined &&
      usedResources(run, resource, fn, "AWS::SecretsManager::Secret").length > 0
    ) {
      const found = endpointPath(run, resource, from, endpoint);
      if (found !== undefined) findings.push(found);
    }
  }
  return findings;
};

function smbPath(
  run: ProbeRun,
  fn: DeployedResource,
  from: Endpoint,
  server: DeployedResource,
): Finding | undefined {
  const subnetIds = strings(server.properties.SubnetIds);
  const serverSubnet = findSubnet(run.ctx, subnetIds[0] ?? "");
  const groups = strings(server.properties.SecurityGroupIds);
  if (serverSubnet === undefined) return undefined;
  const to = {
    securityGroupIds: groups,
    subnetId: serverSubnet.subnetId,
    ip: subnetAddress(serverSubnet.cidrBlock, "first").ip ?? "",
  };
  const path = canConnect(run.ctx, { from, to, protocol: "tcp", port: SMB_PORT });
  if (path.allowed) return undefined;
  const egress = path.reasons.some((r) => r.startsWith("no egress rule"));
  return findingOf({
    ruleId: egress ? "smb-egress-445-blocked" : "smb-ingress-445-blocked",
    resource: egress ? fn : server,
    values: {
      workload: fn.logicalId,
      fileServer: server.logicalId,
      destination: `${to.ip} (subnet ${serverSubnet.cidrBlock})`,
    },
    evidence: [`tcp ${from.ip ?? "?"} → ${to.ip}:${SMB_PORT}`, ...path.reasons],
    path: egress ? ["VpcConfig", "SecurityGroupIds"] : ["SecurityGroupIds"],
  });
}

function endpointPath(
  run: ProbeRun,
  fn: DeployedResource,
  from: Endpoint,
  endpoint: VpcEndpoint,
): Finding | undefined {
  const endpointSubnet = findSubnet(run.ctx, endpoint.subnetIds[0] ?? "");
  if (endpointSubnet === undefined) return undefined;
  const to = {
    securityGroupIds: endpoint.securityGroupIds,
    subnetId: endpointSubnet.subnetId,
    ip: subnetAddress(endpointSubnet.cidrBlock, "first").ip ?? "",
  };
  const path = canConnect(run.ctx, { from, to, protocol: "tcp", port: HTTPS_PORT });
  if (path.allowed) return undefined;
  const name =
    byPhysicalId(run, "AWS::EC2::VPCEndpoint", endpoint.vpcEndpointId)?.logicalId ??
    endpoint.vpcEndpointId;
  return findingOf({
    ruleId: "vpc-endpoint-https-blocked",
    resource: fn,
    values: {
      workload: fn.logicalId,
      endpoint: name,
      service: "Secrets Manager",
      reason: path.reasons.at(-1) ?? "no rule allows it",
    },
    evidence: [
      `tcp ${from.ip ?? "?"} → ${to.ip}:${HTTPS_PORT} (${endpoint.serviceName}, private DNS)`,
      ...path.reasons,
    ],
    path: ["VpcConfig", "SecurityGroupIds"],
  });
}

function strings(value: ResolvedValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
