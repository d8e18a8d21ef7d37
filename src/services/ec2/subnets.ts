/**
 * CreateSubnet and DescribeSubnets. A subnet's block must lie inside its
 * VPC's and be /16 to /28 (`InvalidSubnet.Range`) and overlap no other subnet of that VPC
 * (`InvalidSubnet.Conflict`); it sits in one Availability Zone, given by
 * name or id, the region's first zone by default.
 */
import { blockContainsBlock, blocksOverlap, type Ipv4Block, parseCidr } from "./cidr.js";
import type { Ec2Context } from "./context.js";
import { type DescribeKind, type DescribeRequest, describeKind } from "./describe.js";
import { subnetConflict, subnetNotFound, subnetRange } from "./errors.js";
import { tagFields } from "./filters.js";
import { newEc2Id } from "./ids.js";
import { EC2_RECORD, type Ec2Tag, type Subnet } from "./model.js";
import type { Page } from "./paging.js";
import { blockOf, getVpc, sizeAllowed } from "./vpcs.js";
import { resolveZone } from "./zones.js";

/** What CreateSubnet takes. */
export interface CreateSubnetInput {
  readonly vpcId: string;
  readonly cidrBlock: string;
  readonly availabilityZone?: string;
  readonly availabilityZoneId?: string;
  readonly tags: Ec2Tag[];
}

const SUBNET_KIND: DescribeKind<Subnet> = {
  recordKind: EC2_RECORD.subnet,
  idOf: (subnet) => subnet.subnetId,
  fields: (s) => ({
    "subnet-id": [s.subnetId],
    "vpc-id": [s.vpcId],
    "availability-zone": [s.availabilityZone],
    "availability-zone-id": [s.availabilityZoneId],
    "cidr-block": [s.cidrBlock],
    cidr: [s.cidrBlock],
    cidrBlock: [s.cidrBlock],
    "owner-id": [s.ownerId],
    state: ["available"],
    ...tagFields(s.tags),
  }),
  filterNames: [
    "subnet-id",
    "vpc-id",
    "availability-zone",
    "availability-zone-id",
    "cidr-block",
    "cidr",
    "cidrBlock",
    "owner-id",
    "state",
  ],
  notFound: subnetNotFound,
  limits: { min: 5, max: 1000 },
};

/**
 * CreateSubnet.
 *
 * @example
 * createSubnet(ctx, { vpcId, cidrBlock: "10.0.1.0/24", tags: [] }).availabilityZone; // "us-east-1a"
 */
export function createSubnet(ctx: Ec2Context, input: CreateSubnetInput): Subnet {
  return ctx.store.transaction(() => {
    const vpc = getVpc(ctx, input.vpcId);
    const block = blockOf(input.cidrBlock, "cidrBlock");
    if (!sizeAllowed(block) || !blockContainsBlock(blockOf(vpc.cidrBlock, "cidrBlock"), block)) {
      throw subnetRange(input.cidrBlock);
    }
    const siblings = ctx.store.records
      .list<Subnet>(EC2_RECORD.subnet)
      .filter((s) => s.vpcId === vpc.vpcId);
    if (siblings.some((s) => blocksOverlap(parseCidr(s.cidrBlock) as Ipv4Block, block))) {
      throw subnetConflict(input.cidrBlock);
    }
    const zone = resolveZone(ctx.region, {
      ...(input.availabilityZone !== undefined ? { name: input.availabilityZone } : {}),
      ...(input.availabilityZoneId !== undefined ? { zoneId: input.availabilityZoneId } : {}),
    });
    const subnet: Subnet = {
      subnetId: newEc2Id("subnet", ctx.random),
      vpcId: vpc.vpcId,
      cidrBlock: input.cidrBlock,
      availabilityZone: zone.name,
      availabilityZoneId: zone.id,
      ownerId: ctx.account,
      tags: input.tags,
    };
    ctx.store.records.put(EC2_RECORD.subnet, subnet.subnetId, subnet);
    return subnet;
  });
}

/**
 * A subnet by id, or `InvalidSubnetID.NotFound`.
 *
 * @example
 * getSubnet(ctx, "subnet-0123456789abcdef0").vpcId;
 */
export function getSubnet(ctx: Ec2Context, subnetId: string): Subnet {
  const subnet = ctx.store.records.get<Subnet>(EC2_RECORD.subnet, subnetId);
  if (!subnet) throw subnetNotFound(subnetId);
  return subnet;
}

/**
 * DescribeSubnets.
 *
 * @example
 * describeSubnets(ctx, { filters: [{ name: "vpc-id", values: [vpcId] }] }).items;
 */
export function describeSubnets(ctx: Ec2Context, request: DescribeRequest): Page<Subnet> {
  return describeKind(ctx, SUBNET_KIND, request);
}
