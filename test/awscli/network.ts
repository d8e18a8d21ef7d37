/**
 * Test support: a small VPC made through the EC2 CLI for the suites that
 * need one (EFS mount targets, the Secrets Manager VPC endpoint): a
 * 10.<n>.0.0/16 VPC, one subnet per requested zone and one security group.
 */
import type { CliServer } from "./cli-suite.js";
import { ok } from "./cli-suite.js";

/** The ids of a network made by {@link createNetwork}. */
export interface Network {
  readonly vpcId: string;
  readonly subnetIds: readonly string[];
  readonly groupId: string;
}

/**
 * Creates a VPC `10.<octet>.0.0/16` with a /24 subnet in each of `zones`
 * and a security group named `<name>-sg`.
 *
 * @example
 * const net = await createNetwork(cli, "efs", 20, ["us-east-1a", "us-east-1b"]);
 */
export async function createNetwork(
  cli: CliServer,
  name: string,
  octet: number,
  zones: readonly string[],
): Promise<Network> {
  const vpcId = ok<{ Vpc: { VpcId: string } }>(
    await cli.aws(["ec2", "create-vpc", "--cidr-block", `10.${octet}.0.0/16`]),
  ).Vpc.VpcId;
  const subnetIds: string[] = [];
  for (const [i, zone] of zones.entries()) {
    const args = ["--vpc-id", vpcId, "--cidr-block", `10.${octet}.${i}.0/24`];
    const made = await cli.aws(["ec2", "create-subnet", ...args, "--availability-zone", zone]);
    subnetIds.push(ok<{ Subnet: { SubnetId: string } }>(made).Subnet.SubnetId);
  }
  const group = await cli.aws([
    "ec2",
    "create-security-group",
    "--group-name",
    `${name}-sg`,
    "--description",
    `${name} tier`,
    "--vpc-id",
    vpcId,
  ]);
  return { vpcId, subnetIds, groupId: ok<{ GroupId: string }>(group).GroupId };
}
