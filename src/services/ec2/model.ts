/**
 * The EC2 network pieces that decide reachability, as stored values: VPCs,
 * subnets (each in one Availability Zone), security groups with their
 * ingress and egress rules (sources and destinations: CIDR ranges, other
 * security groups, managed prefix lists), managed prefix lists and
 * interface VPC endpoints (with their policy and security groups). EFS
 * mount targets, Lambda's VpcConfig and Secrets Manager's `aws:SourceVpce`
 * all read these shapes.
 */

/** A VPC. */
export interface Vpc {
  readonly vpcId: string;
  readonly cidrBlock: string;
  readonly ownerId: string;
  readonly isDefault: boolean;
  readonly tags: readonly Ec2Tag[];
}

/** A subnet of a VPC, in one Availability Zone. */
export interface Subnet {
  readonly subnetId: string;
  readonly vpcId: string;
  readonly cidrBlock: string;
  readonly availabilityZone: string;
  readonly availabilityZoneId: string;
  readonly ownerId: string;
  readonly tags: readonly Ec2Tag[];
}

/** Where a security group rule points: one of its peers. */
export type RulePeer =
  | { readonly kind: "cidr"; readonly cidr: string }
  | { readonly kind: "security-group"; readonly groupId: string }
  | { readonly kind: "prefix-list"; readonly prefixListId: string };

/** One security group rule (ingress: peer is the source; egress: the destination). */
export interface SecurityGroupRule {
  readonly ruleId: string;
  /** `tcp`, `udp`, `icmp` or `-1` (all). */
  readonly ipProtocol: string;
  /** Inclusive port range; both -1 for all ports. */
  readonly fromPort: number;
  readonly toPort: number;
  readonly peer: RulePeer;
  readonly description?: string;
}

/** A security group. */
export interface SecurityGroup {
  readonly groupId: string;
  readonly groupName: string;
  readonly description: string;
  readonly vpcId: string;
  readonly ownerId: string;
  readonly ingress: readonly SecurityGroupRule[];
  readonly egress: readonly SecurityGroupRule[];
  readonly tags: readonly Ec2Tag[];
}

/** A customer managed prefix list. */
export interface ManagedPrefixList {
  readonly prefixListId: string;
  readonly prefixListName: string;
  readonly addressFamily: "IPv4" | "IPv6";
  readonly maxEntries: number;
  readonly entries: readonly { readonly cidr: string; readonly description?: string }[];
  readonly ownerId: string;
  readonly tags: readonly Ec2Tag[];
}

/** An interface VPC endpoint. */
export interface VpcEndpoint {
  readonly vpcEndpointId: string;
  readonly vpcEndpointType: "Interface" | "Gateway";
  readonly vpcId: string;
  /** e.g. `com.amazonaws.us-east-1.secretsmanager`. */
  readonly serviceName: string;
  /** The endpoint policy JSON text (the full-access default when none was given). */
  readonly policyDocument: string;
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  readonly privateDnsEnabled: boolean;
  readonly creationTimeMs: number;
  readonly ownerId: string;
  readonly tags: readonly Ec2Tag[];
}

/** An EC2 tag. */
export interface Ec2Tag {
  readonly key: string;
  readonly value: string;
}

/** Record kinds under which EC2 resources are stored, keyed by their id. */
export const EC2_RECORD = {
  vpc: "ec2/vpc",
  subnet: "ec2/subnet",
  securityGroup: "ec2/security-group",
  prefixList: "ec2/prefix-list",
  vpcEndpoint: "ec2/vpc-endpoint",
} as const;
