/**
 * The demo stack as read from its YAML file: users, roles, one VPC with
 * subnets, security groups and interface endpoints, one EFS file system
 * with mount targets, access points and a policy, and secrets. Every
 * resource keeps the position of its entry so that a failure while
 * creating it can be reported as `file:line:column`. Policies are kept as
 * plain JSON values whose `${name}` references are substituted at load.
 */
import type { SourcePosition } from "../formats/position.js";
import type { PosixUser, RootDirectory } from "../services/efs/model.js";

/** Where an entry was written, when known. */
export interface Positioned {
  readonly position?: SourcePosition;
}

/** A policy document as a plain JSON value, `${name}` references unresolved. */
export type PolicyValue = unknown;

/** An IAM user with an optional fixed access key and inline policies. */
export interface DemoUser extends Positioned {
  readonly name: string;
  readonly accessKey?: { readonly id: string; readonly secret: string };
  readonly policies: Readonly<Record<string, PolicyValue>>;
}

/** An IAM role trusted by one AWS service principal. */
export interface DemoRole extends Positioned {
  readonly name: string;
  readonly trustedService: string;
  readonly managedPolicies: readonly string[];
  readonly policies: Readonly<Record<string, PolicyValue>>;
  /** Register ECS container credentials for this role under this task id. */
  readonly containerCredentials?: { readonly taskId: string; readonly cluster: string };
}

/** One ingress rule: a TCP/UDP port from another security group or a CIDR. */
export interface DemoIngress extends Positioned {
  readonly protocol: string;
  readonly port: number;
  readonly fromGroup?: string;
  readonly fromCidr?: string;
}

/** A security group of the demo VPC. */
export interface DemoSecurityGroup extends Positioned {
  readonly name: string;
  readonly description: string;
  readonly ingress: readonly DemoIngress[];
}

/** An interface VPC endpoint for `com.amazonaws.<region>.<service>`. */
export interface DemoEndpoint extends Positioned {
  readonly name: string;
  readonly service: string;
  readonly subnets: readonly string[];
  readonly securityGroups: readonly string[];
}

/** The VPC and everything in it. */
export interface DemoNetwork {
  readonly vpc: Positioned & { readonly name: string; readonly cidr: string };
  readonly subnets: readonly (Positioned & {
    readonly name: string;
    readonly cidr: string;
    readonly availabilityZone: string;
  })[];
  readonly securityGroups: readonly DemoSecurityGroup[];
  readonly endpoints: readonly DemoEndpoint[];
}

/** An access point of the demo file system. */
export interface DemoAccessPoint extends Positioned {
  readonly name: string;
  readonly posixUser?: PosixUser;
  readonly rootDirectory?: RootDirectory;
}

/** The EFS file system. */
export interface DemoFileSystem extends Positioned {
  readonly name: string;
  readonly creationToken: string;
  readonly mountTargets: readonly (Positioned & {
    readonly subnet: string;
    readonly securityGroups: readonly string[];
  })[];
  readonly accessPoints: readonly DemoAccessPoint[];
  readonly policy?: PolicyValue;
}

/** A Secrets Manager secret; an object value is stored as its JSON text. */
export interface DemoSecret extends Positioned {
  readonly name: string;
  readonly value: string;
  readonly policy?: PolicyValue;
}

/**
 * One CloudFormation export of the demo: the output `key` of the
 * `accesslab-demo` stack, exported as `accesslab-demo-<key>`, whose value
 * is the id of the demo resource `name` (its ARN with `.Arn`).
 */
export interface DemoExport extends Positioned {
  readonly key: string;
  readonly name: string;
  readonly arn: boolean;
}

/**
 * A CloudFormation stack the demo deploys once its own resources exist:
 * a template file (relative to the demo file) created as stack `name`,
 * through the service role `role` (a role of this file) when given, with
 * `parameters`; it may import the demo's exports.
 */
export interface DemoAppStack extends Positioned {
  readonly name: string;
  readonly template: string;
  readonly role?: string;
  readonly parameters: Readonly<Record<string, string>>;
}

/** The whole demo stack. */
export interface DemoStack {
  readonly users: readonly DemoUser[];
  readonly roles: readonly DemoRole[];
  readonly network?: DemoNetwork;
  readonly fileSystem?: DemoFileSystem;
  readonly secrets: readonly DemoSecret[];
  readonly exports: readonly DemoExport[];
  readonly stacks: readonly DemoAppStack[];
}
