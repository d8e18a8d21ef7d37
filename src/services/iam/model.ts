/**
 * The IAM resources accesslab keeps, shaped as the IAM API describes them:
 * roles (trust policy, inline and attached policies, permissions boundary),
 * users (the same, plus access keys) and customer managed policies with
 * their versions. Times are milliseconds since the epoch; policy documents
 * are kept as the JSON text the caller sent.
 */

/** A tag (IAM API `Tag`). */
export interface Tag {
  readonly key: string;
  readonly value: string;
}

/** An IAM role. */
export interface Role {
  readonly roleName: string;
  readonly roleId: string;
  readonly arn: string;
  readonly path: string;
  readonly createDate: number;
  /** The trust policy JSON text. */
  readonly assumeRolePolicyDocument: string;
  readonly description?: string;
  /** Seconds, 3600..43200. */
  readonly maxSessionDuration: number;
  /** Inline policies: name to JSON text. */
  readonly inlinePolicies: Readonly<Record<string, string>>;
  readonly attachedPolicyArns: readonly string[];
  readonly permissionsBoundaryArn?: string;
  readonly tags: readonly Tag[];
}

/** An IAM user. */
export interface User {
  readonly userName: string;
  readonly userId: string;
  readonly arn: string;
  readonly path: string;
  readonly createDate: number;
  readonly inlinePolicies: Readonly<Record<string, string>>;
  readonly attachedPolicyArns: readonly string[];
  readonly permissionsBoundaryArn?: string;
  readonly tags: readonly Tag[];
}

/** One version of a managed policy. */
export interface PolicyVersion {
  readonly versionId: string;
  readonly document: string;
  readonly isDefaultVersion: boolean;
  readonly createDate: number;
}

/** A managed policy (customer managed, or AWS managed from aws-managed-policies.ts). */
export interface ManagedPolicy {
  readonly policyName: string;
  readonly policyId: string;
  readonly arn: string;
  readonly path: string;
  readonly description?: string;
  readonly createDate: number;
  readonly updateDate: number;
  readonly defaultVersionId: string;
  readonly versions: readonly PolicyVersion[];
  readonly tags: readonly Tag[];
}

/** A long-term access key of a user. */
export interface AccessKey {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly userName: string;
  readonly status: "Active" | "Inactive";
  readonly createDate: number;
}
