/**
 * One CloudFormation security group rule (the `SecurityGroupIngress` and
 * `SecurityGroupEgress` entries of `AWS::EC2::SecurityGroup`, and the
 * standalone `AWS::EC2::SecurityGroupIngress`/`Egress` resources) as the
 * EC2 service's `IpPermissionInput`: IpProtocol, FromPort/ToPort (left out
 * for all traffic), and one peer: CidrIp, a source/destination group id,
 * or a source/destination prefix list id.
 */
import type { IpPermissionInput } from "../../ec2/rule-input.js";
import type { PropertyReader } from "../properties.js";

/**
 * Reads one rule; `direction` decides the peer property names.
 *
 * @example
 * rulePermission(reader, "ingress"); // { ipProtocol: "tcp", fromPort: 2049, toPort: 2049, … }
 */
export function rulePermission(
  rule: PropertyReader,
  direction: "ingress" | "egress",
): IpPermissionInput {
  const side = direction === "ingress" ? "Source" : "Destination";
  const ipProtocol = rule.string("IpProtocol");
  const fromPort = rule.optionalNumber("FromPort");
  const toPort = rule.optionalNumber("ToPort");
  const description = rule.optionalString("Description");
  const text = description === undefined ? {} : { description };
  const cidrIp = rule.optionalString("CidrIp");
  const groupId = rule.optionalString(`${side}SecurityGroupId`);
  const prefixListId = rule.optionalString(`${side}PrefixListId`);
  return {
    ipProtocol,
    ...(fromPort === undefined ? {} : { fromPort }),
    ...(toPort === undefined ? {} : { toPort }),
    ipRanges: cidrIp === undefined ? [] : [{ cidrIp, ...text }],
    groups: groupId === undefined ? [] : [{ groupId, ...text }],
    prefixListIds: prefixListId === undefined ? [] : [{ prefixListId, ...text }],
  };
}
