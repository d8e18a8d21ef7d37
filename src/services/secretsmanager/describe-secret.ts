/**
 * DescribeSecret and the list entry of ListSecrets: a secret's metadata
 * (never its value) in AWS's output shape, dates as `Date` values the
 * protocol writes as epoch seconds.
 */
import type { Secret } from "./model.js";

/**
 * The secret's metadata, as DescribeSecret answers it.
 *
 * @example
 * describeSecret(secret).VersionIdsToStages; // { "3b6f…": ["AWSCURRENT"] }
 */
export function describeSecret(secret: Secret): Record<string, unknown> {
  return {
    ARN: secret.arn,
    Name: secret.name,
    ...(secret.description === undefined ? {} : { Description: secret.description }),
    ...(secret.kmsKeyId === undefined ? {} : { KmsKeyId: secret.kmsKeyId }),
    RotationEnabled: false,
    LastChangedDate: new Date(secret.lastChangedMs),
    ...(secret.deletedMs === undefined ? {} : { DeletedDate: new Date(secret.deletedMs) }),
    ...(secret.tags.length === 0 ? {} : { Tags: secret.tags }),
    VersionIdsToStages: versionsToStages(secret),
    CreatedDate: new Date(secret.createdMs),
  };
}

/**
 * The secret as one ListSecrets entry.
 *
 * @example
 * listEntry(secret).SecretVersionsToStages; // { "3b6f…": ["AWSCURRENT"] }
 */
export function listEntry(secret: Secret): Record<string, unknown> {
  const { VersionIdsToStages, ...rest } = describeSecret(secret);
  return { ...rest, SecretVersionsToStages: VersionIdsToStages };
}

function versionsToStages(secret: Secret): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const version of secret.versions) {
    if (version.stages.length > 0) map[version.versionId] = [...version.stages];
  }
  return map;
}
