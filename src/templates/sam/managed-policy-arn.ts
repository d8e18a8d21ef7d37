/**
 * Turns a managed policy name in a SAM function's `Policies` into its ARN,
 * as the transform does with its bundled map of AWS managed policies:
 * ARNs and intrinsics pass through; names become
 * `arn:aws:iam::aws:policy/<path><name>`, with the path of the AWS managed
 * policies that live under `service-role/`.
 */
import { AWS_MANAGED_POLICY_PARTITION } from "./assumptions.js";

/** AWS managed policies Lambda workloads use that live under `/service-role/`. */
const SERVICE_ROLE_POLICIES = new Set([
  "AWSLambdaBasicExecutionRole",
  "AWSLambdaVPCAccessExecutionRole",
  "AWSLambdaRole",
  "AWSLambdaENIManagementAccess",
  "AWSLambdaSQSQueueExecutionRole",
  "AWSLambdaKinesisExecutionRole",
  "AWSLambdaDynamoDBExecutionRole",
  "AWSLambdaMSKExecutionRole",
  "AWSLambdaBasicDurableExecutionRolePolicy",
  "AWSConfigRulesExecutionRole",
]);

/**
 * The ARN for a managed policy name or ARN.
 *
 * @example
 * managedPolicyArn("SecretsManagerReadWrite"); // "arn:aws:iam::aws:policy/SecretsManagerReadWrite"
 * managedPolicyArn("AWSLambdaBasicExecutionRole"); // "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
 */
export function managedPolicyArn(name: string): string {
  if (name.startsWith("arn:")) return name;
  const path = SERVICE_ROLE_POLICIES.has(name) ? "service-role/" : "";
  return `arn:${AWS_MANAGED_POLICY_PARTITION}:iam::aws:policy/${path}${name}`;
}
