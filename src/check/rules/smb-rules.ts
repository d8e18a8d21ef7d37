/**
 * Rules about SMB clients and file servers (seeds-digest section 4,
 * aws-facts F): a workload that talks to an FSx for Windows file system or
 * another SMB server needs TCP 445 open on both sides, its own egress to
 * the server's addresses (often kept in a managed prefix list) and the
 * server's ingress from it.
 */
import type { RuleDefinition } from "../rule.js";

/**
 * The SMB rules.
 *
 * @example
 * SMB_RULES.map((r) => r.id); // ["smb-egress-445-blocked", "smb-ingress-445-blocked"]
 */
export const SMB_RULES: readonly RuleDefinition[] = [
  {
    id: "smb-egress-445-blocked",
    area: "smb",
    severity: "error",
    title: "security groups of {workload} do not allow SMB (TCP 445) to file server {fileServer}",
    explanation:
      "{workload} connects to {fileServer} over SMB, TCP 445, at {destination}. A security group with explicit egress rules no longer has the default allow-all egress rule, and no egress rule of {workload}'s security groups allows TCP 445 to {destination}, so the SMB client's connection times out before any SMB negotiation.",
    fix: "Add an egress rule for TCP 445 to the security group of {workload}: DestinationPrefixListId when the file server's CIDRs are kept in a managed prefix list, CidrIp otherwise, or DestinationSecurityGroupId for the file server's security group.",
  },
  {
    id: "smb-ingress-445-blocked",
    area: "smb",
    severity: "error",
    title: "file server {fileServer} does not allow SMB (TCP 445) from {workload}",
    explanation:
      "The security groups of {fileServer} must admit TCP 445 from {workload}. None of their ingress rules matches {workload}'s security groups or addresses, so SMB connections from it are dropped and the client times out.",
    fix: "Add an ingress rule for TCP 445 from the security group of {workload} to the security group of {fileServer} (AWS::EC2::SecurityGroupIngress with SourceSecurityGroupId).",
  },
];
