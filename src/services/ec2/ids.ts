/**
 * EC2 resource identifiers as AWS writes them today: a prefix and 17
 * lowercase hex characters (`vpc-0123456789abcdef0`), and the ARNs of the
 * resources that have one.
 */

/** The id prefixes this emulator hands out. */
export type Ec2IdPrefix = "vpc" | "subnet" | "sg" | "sgr" | "pl" | "vpce";

/**
 * A new id with 17 hex characters.
 *
 * @example
 * newEc2Id("vpc", randomBytes); // "vpc-0a1b2c3d4e5f60718"
 */
export function newEc2Id(prefix: Ec2IdPrefix, random: (length: number) => Uint8Array): string {
  const hex = Array.from(random(9), (b) => b.toString(16).padStart(2, "0")).join("");
  return `${prefix}-${hex.slice(0, 17)}`;
}

/**
 * The ARN of an EC2 resource (`subnet/…`, `security-group/…`, `prefix-list/…`).
 *
 * @example
 * ec2Arn({ region: "us-east-1", account: "000000000000" }, "subnet", "subnet-1");
 * // "arn:aws:ec2:us-east-1:000000000000:subnet/subnet-1"
 */
export function ec2Arn(
  where: { readonly region: string; readonly account: string },
  type: string,
  id: string,
): string {
  return `arn:aws:ec2:${where.region}:${where.account}:${type}/${id}`;
}
