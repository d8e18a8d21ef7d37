/**
 * EC2 resources as the EC2 API's XML members (lowerCamel, `…Set` lists of
 * `<item>`), checked against the `@aws-sdk/client-ec2` schemas: `vpc`,
 * `subnet`, managed prefix lists and VPC endpoints (security groups are in
 * ec2-group-shapes.ts). Empty tag sets are left out, as EC2 does.
 */
import { parseCidr } from "../../services/ec2/cidr.js";
import { ec2Arn } from "../../services/ec2/ids.js";
import type {
  Ec2Tag,
  ManagedPrefixList,
  Subnet,
  Vpc,
  VpcEndpoint,
} from "../../services/ec2/model.js";

/** Where resources live, for ARNs. */
export interface Ec2Where {
  readonly region: string;
  readonly account: string;
}

/**
 * A tag list as `tagSet`, absent when empty.
 *
 * @example
 * tagSet([{ key: "Name", value: "main" }]); // [{ key: "Name", value: "main" }]
 */
export function tagSet(tags: readonly Ec2Tag[]): { key: string; value: string }[] | undefined {
  return tags.length === 0 ? undefined : tags.map((t) => ({ key: t.key, value: t.value }));
}

/**
 * A VPC.
 *
 * @example
 * vpcShape(vpc).vpcId; // "vpc-…"
 */
export function vpcShape(vpc: Vpc) {
  return {
    vpcId: vpc.vpcId,
    ownerId: vpc.ownerId,
    state: "available",
    cidrBlock: vpc.cidrBlock,
    instanceTenancy: "default",
    isDefault: vpc.isDefault,
    cidrBlockAssociationSet: [
      { cidrBlock: vpc.cidrBlock, cidrBlockState: { state: "associated" } },
    ],
    tagSet: tagSet(vpc.tags),
  };
}

/**
 * A subnet (five addresses of every subnet are reserved by AWS).
 *
 * @example
 * subnetShape(where, subnet).availableIpAddressCount; // 251 for a /24
 */
export function subnetShape(where: Ec2Where, subnet: Subnet) {
  const prefix = parseCidr(subnet.cidrBlock)?.prefix ?? 32;
  return {
    subnetId: subnet.subnetId,
    subnetArn: ec2Arn(where, "subnet", subnet.subnetId),
    state: "available",
    vpcId: subnet.vpcId,
    cidrBlock: subnet.cidrBlock,
    availableIpAddressCount: Math.max(0, 2 ** (32 - prefix) - 5),
    availabilityZone: subnet.availabilityZone,
    availabilityZoneId: subnet.availabilityZoneId,
    defaultForAz: false,
    mapPublicIpOnLaunch: false,
    ownerId: subnet.ownerId,
    tagSet: tagSet(subnet.tags),
  };
}

/**
 * A managed prefix list.
 *
 * @example
 * prefixListShape(where, list).state; // "create-complete"
 */
export function prefixListShape(where: Ec2Where, list: ManagedPrefixList) {
  return {
    prefixListId: list.prefixListId,
    addressFamily: list.addressFamily,
    state: "create-complete",
    prefixListArn: ec2Arn(where, "prefix-list", list.prefixListId),
    prefixListName: list.prefixListName,
    maxEntries: list.maxEntries,
    version: 1,
    ownerId: list.ownerId,
    tagSet: tagSet(list.tags),
  };
}

/**
 * A VPC endpoint (`groupSet` names each group when it still exists).
 *
 * @example
 * vpcEndpointShape(endpoint, (id) => "app").state; // "available"
 */
export function vpcEndpointShape(
  endpoint: VpcEndpoint,
  groupName: (groupId: string) => string | undefined,
) {
  return {
    vpcEndpointId: endpoint.vpcEndpointId,
    vpcEndpointType: endpoint.vpcEndpointType,
    vpcId: endpoint.vpcId,
    serviceName: endpoint.serviceName,
    state: "available",
    policyDocument: endpoint.policyDocument,
    routeTableIdSet: [],
    subnetIdSet: endpoint.subnetIds,
    groupSet: endpoint.securityGroupIds.map((groupId) => ({
      groupId,
      groupName: groupName(groupId),
    })),
    ipAddressType: "ipv4",
    privateDnsEnabled: endpoint.privateDnsEnabled,
    requesterManaged: false,
    networkInterfaceIdSet: [],
    creationTimestamp: new Date(endpoint.creationTimeMs),
    ownerId: endpoint.ownerId,
    tagSet: tagSet(endpoint.tags),
  };
}
