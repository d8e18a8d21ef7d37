/**
 * Rules about the VPC path between a workload and an interface endpoint
 * (seeds-digest section 4): security groups on both sides must allow
 * HTTPS, or a call to the service through the endpoint never connects.
 */
import type { RuleDefinition } from "../rule.js";

/**
 * The VPC rules.
 *
 * @example
 * VPC_RULES[0]?.severity; // "error"
 */
export const VPC_RULES: readonly RuleDefinition[] = [
  {
    id: "vpc-endpoint-https-blocked",
    area: "vpc",
    severity: "error",
    title: "security groups block HTTPS (TCP 443) from {workload} to endpoint {endpoint}",
    explanation:
      "{workload} reaches {service} through the interface endpoint {endpoint} (its private DNS name resolves the service's standard hostname to the endpoint's addresses in {workload}'s subnets). The connection needs egress TCP 443 from the workload's security groups to the endpoint and ingress TCP 443 on the endpoint's security groups from the workload; here {reason}, so the SDK call times out instead of reaching {service}.",
    fix: "Allow egress TCP 443 from the security group of {workload} to the security group of {endpoint}, and ingress TCP 443 on the endpoint's security group from the workload's security group (AWS::EC2::SecurityGroupEgress with DestinationSecurityGroupId, AWS::EC2::SecurityGroupIngress with SourceSecurityGroupId).",
  },
];
