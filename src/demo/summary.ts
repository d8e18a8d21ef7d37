/**
 * What a loaded demo stack made, as stored in the state's `demo/loaded`
 * marker record: the ids a user needs to try the stack (the fixed access
 * keys, the secrets, the VPC endpoints, the ECS container credentials,
 * the CloudFormation stack that publishes its exports).
 * A restart reads it back instead of loading the stack again.
 */

/** A user of the stack and its fixed access key, if it has one. */
export interface SummaryUser {
  readonly name: string;
  readonly arn: string;
  readonly accessKeyId?: string;
  readonly secretAccessKey?: string;
}

/** ECS container credentials registered for a task role. */
export interface SummaryContainerCredentials {
  readonly roleArn: string;
  readonly id: string;
  readonly authorizationToken?: string;
}

/** The CloudFormation stack the demo is recorded as, and its exports. */
export interface SummaryStack {
  readonly name: string;
  readonly stackId: string;
  readonly exports: readonly { readonly name: string; readonly value: string }[];
}

/** Everything the demo stack created that is worth printing. */
export interface DemoSummary {
  /** When the stack was loaded (epoch milliseconds). */
  readonly loadedAt: number;
  readonly users: readonly SummaryUser[];
  readonly roles: readonly {
    readonly name: string;
    readonly arn: string;
    /** The service principal its trust policy admits (absent in states loaded before it was kept). */
    readonly trustedService?: string;
  }[];
  readonly vpcId?: string;
  readonly endpoints: readonly {
    readonly name: string;
    readonly service: string;
    readonly id: string;
  }[];
  readonly fileSystemId?: string;
  readonly accessPoints: readonly { readonly name: string; readonly id: string }[];
  readonly secrets: readonly { readonly name: string; readonly arn: string }[];
  readonly containerCredentials: readonly SummaryContainerCredentials[];
  /** The `accesslab-demo` stack, when the demo has exports. */
  readonly stack?: SummaryStack;
  /** The CloudFormation stacks deployed from the demo's `stacks` section. */
  readonly appStacks?: readonly SummaryAppStack[];
}

/** A stack deployed from the demo's `stacks` section, with its outputs. */
export interface SummaryAppStack {
  readonly name: string;
  readonly outputs: Readonly<Record<string, string>>;
}

/** The record kind and key of the marker a loaded stack leaves in the state. */
export const DEMO_MARKER = { kind: "demo/loaded", key: "stack" } as const;
