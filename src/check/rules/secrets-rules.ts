/**
 * Rules about Secrets Manager reads (seeds-digest section 4, aws-facts E):
 * each GetSecretValue a workload's policies imply is probed along the
 * workload's network path, so a resource policy that denies reads outside
 * one VPC endpoint (`aws:sourceVpce`) is explained for the path the
 * request actually takes. Security groups on the way are VPC rules.
 */
import type { RuleDefinition } from "../rule.js";

/**
 * The Secrets Manager rules.
 *
 * @example
 * SECRETS_RULES.map((r) => r.id); // ["secrets-read-denied", "secrets-read-outside-endpoint"]
 */
export const SECRETS_RULES: readonly RuleDefinition[] = [
  {
    id: "secrets-read-denied",
    area: "secrets",
    severity: "error",
    title: "{workload} cannot read secret {secret}",
    explanation:
      "The policies of {role} imply that {workload} reads {secret} (they mention `secretsmanager:GetSecretValue` on it), and the probe called GetSecretValue as {role} along the workload's network path: the decision was Deny. Within one account an Allow in either the identity policy or the secret's resource policy is enough, and an explicit Deny in either wins; the evidence shows the statement that decided.",
    fix: "Allow `secretsmanager:GetSecretValue` on {secret} in the identity policy of {role} (the SAM policy template AWSSecretsManagerGetSecretValuePolicy does this), and remove or narrow the statement that denies it.",
  },
  {
    id: "secrets-read-outside-endpoint",
    area: "secrets",
    severity: "error",
    title:
      "secret {secret} denies reads outside endpoint {endpoint}, and {workload} does not use it",
    explanation:
      "The resource policy of {secret} explicitly denies `secretsmanager:GetSecretValue` unless `aws:sourceVpce` equals the id of {endpoint}. That key is set only on requests that arrive through a VPC endpoint, and {workload} {networkPath}, so its request carries no such key (or another endpoint's id) and the explicit Deny wins over every Allow: GetSecretValue fails with AccessDeniedException.",
    fix: "Attach {workload} to subnets of the VPC where {endpoint} has private DNS enabled, with a security group that allows TCP 443 to the endpoint's security group; or, if it must read from elsewhere, add its path to the condition (another `aws:sourceVpce` value).",
  },
];
