/**
 * CloudFormation's pseudo parameters (`AWS::AccountId`, `AWS::Region`,
 * `AWS::Partition`, `AWS::StackName`, `AWS::StackId`, `AWS::URLSuffix`,
 * `AWS::NotificationARNs`, `AWS::NoValue`) for one stack. The partition and
 * URL suffix follow the region (`cn-*` is `aws-cn`, `us-gov-*` is `aws-us-gov`).
 */
import {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_REGION,
  DEFAULT_STACK_NAME,
  DEFAULT_STACK_UUID,
} from "./assumptions.js";
import { type Evaluated, NO_VALUE } from "./eval-types.js";
import type { CloudFormationOptions } from "./options.js";

/** The partition of a region. */
function partitionOf(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

/**
 * The pseudo parameters for `options`, by name.
 *
 * @example
 * pseudoParameters({ region: "eu-west-1" }).get("AWS::Partition"); // "aws"
 */
export function pseudoParameters(options: CloudFormationOptions): ReadonlyMap<string, Evaluated> {
  const region = options.region ?? DEFAULT_REGION;
  const account = options.accountId ?? DEFAULT_ACCOUNT_ID;
  const partition = partitionOf(region);
  const stackName = options.stackName ?? DEFAULT_STACK_NAME;
  const stackId =
    options.stackId ??
    `arn:${partition}:cloudformation:${region}:${account}:stack/${stackName}/${DEFAULT_STACK_UUID}`;
  return new Map<string, Evaluated>([
    ["AWS::AccountId", account],
    ["AWS::Region", region],
    ["AWS::Partition", partition],
    ["AWS::StackName", stackName],
    ["AWS::StackId", stackId],
    ["AWS::URLSuffix", partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com"],
    ["AWS::NotificationARNs", [...(options.notificationArns ?? [])]],
    ["AWS::NoValue", NO_VALUE],
  ]);
}
