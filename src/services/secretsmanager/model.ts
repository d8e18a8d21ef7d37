/**
 * Secrets as stored values: the secret (name, ARN with its 6-character
 * suffix, description, KMS key id, tags, resource policy, deletion
 * schedule) and its versions, each with its value (a string, or binary kept
 * as the base64 text the wire carries) and its staging labels. Stored under
 * one record kind keyed by name, which is unique in the account and region.
 */

/** One version of a secret's value. */
export interface SecretVersion {
  readonly versionId: string;
  readonly secretString?: string;
  /** Base64 text, exactly as received. */
  readonly secretBinary?: string;
  /** Staging labels (`AWSCURRENT`, `AWSPREVIOUS`, …); a version without labels is deprecated. */
  readonly stages: readonly string[];
  readonly createdMs: number;
}

/** A tag of a secret. */
export interface SecretTag {
  readonly Key: string;
  readonly Value: string;
}

/** A secret. */
export interface Secret {
  readonly arn: string;
  readonly name: string;
  readonly description?: string;
  readonly kmsKeyId?: string;
  readonly tags: readonly SecretTag[];
  /** The resource policy JSON text, when one is set. */
  readonly policy?: string;
  readonly versions: readonly SecretVersion[];
  readonly createdMs: number;
  readonly lastChangedMs: number;
  /** When DeleteSecret scheduled the deletion. */
  readonly deletedMs?: number;
  /** When a scheduled deletion takes effect. */
  readonly deletionDateMs?: number;
}

/** The record kind secrets are stored under, keyed by name. */
export const SECRET_RECORD = "secretsmanager/secret";

/** The label of the current version. */
export const AWSCURRENT = "AWSCURRENT";

/** The label of the version before the current one. */
export const AWSPREVIOUS = "AWSPREVIOUS";
