/**
 * CreateVpcEndpoint and DescribeVpcEndpoints. An endpoint belongs to a VPC
 * and names an AWS service of this region (`com.amazonaws.<region>.<svc>`).
 * Interface endpoints sit in subnets of that VPC (at most one per zone)
 * behind security groups of that VPC (the VPC's `default` group when none
 * is given); Gateway endpoints (EC2's default type) exist only for S3 and
 * DynamoDB. The policy is validated by the policy engine as an endpoint
 * policy; without one, the full-access default applies (aws-facts E8).
 */
import { DEFAULT_ENDPOINT_POLICY, GATEWAY_SERVICES } from "./assumptions.js";
import type { Ec2Context } from "./context.js";
import { type DescribeKind, type DescribeRequest, describeKind } from "./describe.js";
import { checkEndpointPolicy } from "./endpoint-policy.js";
import {
  Ec2Error,
  invalidParameterValue,
  invalidServiceName,
  vpcEndpointNotFound,
} from "./errors.js";
import { tagFields } from "./filters.js";
import { newEc2Id } from "./ids.js";
import { EC2_RECORD, type Ec2Tag, type SecurityGroup, type VpcEndpoint } from "./model.js";
import type { Page } from "./paging.js";
import { getSecurityGroup } from "./security-groups.js";
import { getSubnet } from "./subnets.js";
import { getVpc } from "./vpcs.js";

/** What CreateVpcEndpoint takes. */
export interface CreateVpcEndpointInput {
  readonly vpcId: string;
  readonly serviceName: string;
  readonly vpcEndpointType?: string;
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  readonly policyDocument?: string;
  readonly privateDnsEnabled?: boolean;
  readonly tags: Ec2Tag[];
}

const ENDPOINT_KIND: DescribeKind<VpcEndpoint> = {
  recordKind: EC2_RECORD.vpcEndpoint,
  idOf: (endpoint) => endpoint.vpcEndpointId,
  fields: (e) => ({
    "vpc-endpoint-id": [e.vpcEndpointId],
    "vpc-endpoint-type": [e.vpcEndpointType],
    "vpc-id": [e.vpcId],
    "service-name": [e.serviceName],
    "vpc-endpoint-state": ["available"],
    ...tagFields(e.tags),
  }),
  filterNames: [
    "vpc-endpoint-id",
    "vpc-endpoint-type",
    "vpc-id",
    "service-name",
    "vpc-endpoint-state",
  ],
  notFound: vpcEndpointNotFound,
  limits: { min: 1, max: 1000 },
};

function endpointType(text: string | undefined): "Interface" | "Gateway" {
  const type = text ?? "Gateway";
  if (type !== "Interface" && type !== "Gateway") {
    throw invalidParameterValue(
      `Value (${type}) for parameter vpcEndpointType is invalid. Supported here: Interface, Gateway.`,
    );
  }
  return type;
}

function placement(ctx: Ec2Context, input: CreateVpcEndpointInput, type: "Interface" | "Gateway") {
  if (type === "Gateway") {
    if (input.subnetIds.length > 0 || input.securityGroupIds.length > 0) {
      throw invalidParameterValue("a Gateway endpoint takes no subnets or security groups");
    }
    return { subnetIds: [], securityGroupIds: [] };
  }
  const zones = new Set<string>();
  for (const subnetId of input.subnetIds) {
    const subnet = getSubnet(ctx, subnetId);
    if (subnet.vpcId !== input.vpcId) {
      throw invalidParameterValue(
        `The subnet '${subnetId}' does not belong to VPC '${input.vpcId}'`,
      );
    }
    if (zones.has(subnet.availabilityZone)) {
      throw new Ec2Error(
        "DuplicateSubnetsInSameZone",
        400,
        `Found another VPC endpoint subnet in the availability zone of ${subnetId}. VPC endpoint subnets should be in different availability zones supported by the VPC endpoint service.`,
      );
    }
    zones.add(subnet.availabilityZone);
  }
  const groups = input.securityGroupIds.map((id) => getSecurityGroup(ctx, id));
  for (const group of groups) {
    if (group.vpcId !== input.vpcId) {
      throw invalidParameterValue(
        `The security group '${group.groupId}' does not belong to VPC '${input.vpcId}'`,
      );
    }
  }
  const chosen =
    groups.length > 0
      ? groups
      : ctx.store.records
          .list<SecurityGroup>(EC2_RECORD.securityGroup)
          .filter((g) => g.vpcId === input.vpcId && g.groupName === "default");
  return {
    subnetIds: [...new Set(input.subnetIds)],
    securityGroupIds: chosen.map((g) => g.groupId),
  };
}

/**
 * CreateVpcEndpoint.
 *
 * @example
 * createVpcEndpoint(ctx, { vpcId, serviceName: "com.amazonaws.us-east-1.secretsmanager", vpcEndpointType: "Interface", subnetIds: [subnetId], securityGroupIds: [sg], tags: [] });
 */
export function createVpcEndpoint(ctx: Ec2Context, input: CreateVpcEndpointInput): VpcEndpoint {
  const type = endpointType(input.vpcEndpointType);
  const prefix = `com.amazonaws.${ctx.region}.`;
  const service = input.serviceName.startsWith(prefix)
    ? input.serviceName.slice(prefix.length)
    : "";
  if (!/^[a-z0-9][a-z0-9.-]*$/.test(service)) throw invalidServiceName(input.serviceName);
  if (type === "Gateway" && !(GATEWAY_SERVICES as readonly string[]).includes(service)) {
    throw invalidParameterValue(
      `The Vpc Endpoint Service '${input.serviceName}' does not support the Gateway endpoint type`,
    );
  }
  const policyDocument = input.policyDocument ?? DEFAULT_ENDPOINT_POLICY;
  if (input.policyDocument !== undefined) checkEndpointPolicy(policyDocument);
  return ctx.store.transaction(() => {
    getVpc(ctx, input.vpcId);
    const endpoint: VpcEndpoint = {
      vpcEndpointId: newEc2Id("vpce", ctx.random),
      vpcEndpointType: type,
      vpcId: input.vpcId,
      serviceName: input.serviceName,
      policyDocument,
      ...placement(ctx, input, type),
      privateDnsEnabled: type === "Interface" ? (input.privateDnsEnabled ?? true) : false,
      creationTimeMs: ctx.clock(),
      ownerId: ctx.account,
      tags: input.tags,
    };
    ctx.store.records.put(EC2_RECORD.vpcEndpoint, endpoint.vpcEndpointId, endpoint);
    return endpoint;
  });
}

/**
 * DescribeVpcEndpoints.
 *
 * @example
 * describeVpcEndpoints(ctx, { filters: [{ name: "service-name", values: ["com.amazonaws.us-east-1.secretsmanager"] }] }).items;
 */
export function describeVpcEndpoints(ctx: Ec2Context, request: DescribeRequest): Page<VpcEndpoint> {
  return describeKind(ctx, ENDPOINT_KIND, request);
}
