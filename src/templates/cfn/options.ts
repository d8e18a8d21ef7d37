/**
 * What a caller may tell the CloudFormation reader about the stack it is
 * reading for: parameter overrides (`--parameter Key=Value`), the region,
 * account, stack name and id, and notification ARNs. Everything has a
 * default from assumptions.ts.
 */

/** Options of `readCloudFormation` and `resolveTemplate`. */
export interface CloudFormationOptions {
  /** Parameter values that override `Default` (`--parameter Key=Value`). */
  readonly parameters?: Readonly<Record<string, string>>;
  readonly region?: string;
  readonly accountId?: string;
  readonly stackName?: string;
  /** The full stack ARN; derived from the other options when absent. */
  readonly stackId?: string;
  readonly notificationArns?: readonly string[];
}
