/**
 * CreateVpc and DescribeVpcs. A VPC's IPv4 block must be a valid CIDR
 * (`InvalidParameterValue`) between /16 and /28 (`InvalidVpc.Range`); like AWS, every new VPC gets its `default` security
 * group (ingress from itself, egress to everywhere).
 */
import { BLOCK_PREFIX_RANGE } from "./assumptions.js";
import { type Ipv4Block, isNetworkAddress, parseCidr } from "./cidr.js";
import type { Ec2Context } from "./context.js";
import { createDefaultSecurityGroup } from "./default-security-group.js";
import { type DescribeKind, type DescribeRequest, describeKind } from "./describe.js";
import { invalidParameterValue, vpcNotFound, vpcRange } from "./errors.js";
import { tagFields } from "./filters.js";
import { newEc2Id } from "./ids.js";
import { EC2_RECORD, type Ec2Tag, type Vpc } from "./model.js";
import type { Page } from "./paging.js";

const VPC_KIND: DescribeKind<Vpc> = {
  recordKind: EC2_RECORD.vpc,
  idOf: (vpc) => vpc.vpcId,
  fields: (vpc) => ({
    "vpc-id": [vpc.vpcId],
    "cidr-block": [vpc.cidrBlock],
    cidr: [vpc.cidrBlock],
    "cidr-block-association.cidr-block": [vpc.cidrBlock],
    "owner-id": [vpc.ownerId],
    "is-default": [String(vpc.isDefault)],
    state: ["available"],
    ...tagFields(vpc.tags),
  }),
  filterNames: [
    "vpc-id",
    "cidr-block",
    "cidr",
    "cidr-block-association.cidr-block",
    "owner-id",
    "is-default",
    "state",
  ],
  notFound: vpcNotFound,
  limits: { min: 5, max: 1000 },
};

/**
 * The IPv4 block of a VPC or subnet: a valid CIDR with its host bits clear,
 * else `InvalidParameterValue`.
 *
 * @example
 * blockOf("10.0.0.0/16", "cidrBlock").prefix; // 16
 */
export function blockOf(cidr: string, parameter: string): Ipv4Block {
  const block = parseCidr(cidr);
  if (block === undefined || !isNetworkAddress(block)) {
    throw invalidParameterValue(
      `Value (${cidr}) for parameter ${parameter} is invalid. This is not a valid CIDR block.`,
    );
  }
  return block;
}

/**
 * True when the block's size is one AWS allows for VPCs and subnets (/16 to /28).
 *
 * @example
 * sizeAllowed(blockOf("10.0.0.0/8", "cidrBlock")); // false
 */
export function sizeAllowed(block: Ipv4Block): boolean {
  return block.prefix >= BLOCK_PREFIX_RANGE.min && block.prefix <= BLOCK_PREFIX_RANGE.max;
}

/**
 * CreateVpc.
 *
 * @example
 * createVpc(ctx, { cidrBlock: "10.0.0.0/16", tags: [] }).vpcId; // "vpc-…"
 */
export function createVpc(ctx: Ec2Context, input: { cidrBlock: string; tags: Ec2Tag[] }): Vpc {
  if (!sizeAllowed(blockOf(input.cidrBlock, "cidrBlock"))) throw vpcRange(input.cidrBlock);
  const vpc: Vpc = {
    vpcId: newEc2Id("vpc", ctx.random),
    cidrBlock: input.cidrBlock,
    ownerId: ctx.account,
    isDefault: false,
    tags: input.tags,
  };
  return ctx.store.transaction(() => {
    ctx.store.records.put(EC2_RECORD.vpc, vpc.vpcId, vpc);
    createDefaultSecurityGroup(ctx, vpc.vpcId);
    return vpc;
  });
}

/**
 * A VPC by id, or `InvalidVpcID.NotFound`.
 *
 * @example
 * getVpc(ctx, "vpc-0123456789abcdef0").cidrBlock;
 */
export function getVpc(ctx: Ec2Context, vpcId: string): Vpc {
  const vpc = ctx.store.records.get<Vpc>(EC2_RECORD.vpc, vpcId);
  if (!vpc) throw vpcNotFound(vpcId);
  return vpc;
}

/**
 * DescribeVpcs.
 *
 * @example
 * describeVpcs(ctx, { ids: ["vpc-0123456789abcdef0"] }).items.length; // 1
 */
export function describeVpcs(ctx: Ec2Context, request: DescribeRequest): Page<Vpc> {
  return describeKind(ctx, VPC_KIND, request);
}
