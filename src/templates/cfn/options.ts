/**
 * What a caller may tell the CloudFormation reader about the stack it is
 * reading for: parameter overrides (`--parameter Key=Value`), the region,
 * account, stack name and id, notification ARNs, and the exports of other
 * stacks (without them `Fn::ImportValue` stays symbolic). Everything else
 * has a default from assumptions.ts.
 */
import type { ExportLookup } from "./imports.js";

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
  /** Other stacks' exports; when given, `Fn::ImportValue` resolves to their values. */
  readonly exports?: ExportLookup;
}
