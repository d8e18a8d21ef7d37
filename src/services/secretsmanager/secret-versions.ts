/**
 * Reading and writing a secret's value: GetSecretValue picks a version by
 * id and/or staging label (`AWSCURRENT` by default); PutSecretValue adds a
 * version, moves the labels it names (`AWSCURRENT` by default) from other
 * versions, and the version that loses `AWSCURRENT` becomes
 * `AWSPREVIOUS`. Repeating a ClientRequestToken with the same value is a
 * no-op; with another value it is `ResourceExistsException`. A secret
 * scheduled for deletion refuses both.
 */
import type { ServiceContext } from "../context.js";
import { invalidParameter, markedForDeletion, resourceExists, versionNotFound } from "./errors.js";
import { type Input, optionalString, optionalStrings } from "./input.js";
import { saveSecret } from "./lookup.js";
import { AWSCURRENT, AWSPREVIOUS, type Secret, type SecretVersion } from "./model.js";
import { readSecretValue, sameValue, valueOutput } from "./secret-value.js";
import { versionIdOf } from "./version-id.js";

/** How many versions without labels a secret keeps (AWS keeps about 100). */
const MAX_VERSIONS = 100;

/**
 * The staging label a GetSecretValue asks for (for the `VersionStage` condition key).
 *
 * @example
 * requestedStage({}); // "AWSCURRENT"
 */
export function requestedStage(input: Input): string | undefined {
  const versionId = optionalString(input, "VersionId", 32, 64);
  const stage = optionalString(input, "VersionStage", 1, 256);
  return stage ?? (versionId === undefined ? AWSCURRENT : undefined);
}

/**
 * GetSecretValue on a found secret.
 *
 * @example
 * getSecretValue(secret, {}); // { ARN, Name, VersionId, SecretString, VersionStages, CreatedDate }
 */
export function getSecretValue(secret: Secret, input: Input): object {
  const versionId = optionalString(input, "VersionId", 32, 64);
  const stage = optionalString(input, "VersionStage", 1, 256);
  if (secret.deletionDateMs !== undefined) throw markedForDeletion();
  const version = pickVersion(secret, versionId, stage);
  return {
    ARN: secret.arn,
    Name: secret.name,
    VersionId: version.versionId,
    ...valueOutput(version),
    VersionStages: [...version.stages],
    CreatedDate: new Date(version.createdMs),
  };
}

function pickVersion(
  secret: Secret,
  versionId: string | undefined,
  stage: string | undefined,
): SecretVersion {
  if (versionId !== undefined) {
    const byId = secret.versions.find((v) => v.versionId === versionId);
    if (byId === undefined || (stage !== undefined && !byId.stages.includes(stage))) {
      throw versionNotFound("VersionId", versionId);
    }
    return byId;
  }
  const label = stage ?? AWSCURRENT;
  const byStage = secret.versions.find((v) => v.stages.includes(label));
  if (byStage === undefined) throw versionNotFound("staging label", label);
  return byStage;
}

/**
 * PutSecretValue on a found secret.
 *
 * @example
 * putSecretValue(ctx, secret, { SecretString: "new" }); // { ARN, Name, VersionId, VersionStages: ["AWSCURRENT"] }
 */
export function putSecretValue(ctx: ServiceContext, secret: Secret, input: Input): object {
  const value = readSecretValue(input);
  if (value === undefined) {
    throw invalidParameter("You must provide either SecretString or SecretBinary.");
  }
  const versionId = versionIdOf(ctx, input);
  const stages = optionalStrings(input, "VersionStages") ?? [AWSCURRENT];
  if (stages.length === 0 || stages.length > 20) {
    throw invalidParameter("`VersionStages` must list 1 to 20 staging labels");
  }
  if (secret.deletionDateMs !== undefined) throw markedForDeletion();
  const out = { ARN: secret.arn, Name: secret.name, VersionId: versionId };
  const existing = secret.versions.find((v) => v.versionId === versionId);
  if (existing !== undefined) {
    if (!sameValue(existing, value)) {
      throw resourceExists(
        "You can't modify an existing version, you can only create a new version.",
      );
    }
    return { ...out, VersionStages: [...existing.stages] };
  }
  const now = ctx.clock();
  const movesCurrent = stages.includes(AWSCURRENT);
  const others = secret.versions.map((v) => {
    let kept = v.stages.filter((s) => !stages.includes(s));
    if (movesCurrent) {
      kept = kept.filter((s) => s !== AWSPREVIOUS);
      if (v.stages.includes(AWSCURRENT)) kept = [...kept, AWSPREVIOUS];
    }
    return { ...v, stages: kept };
  });
  const added: SecretVersion = { versionId, ...value, stages, createdMs: now };
  saveSecret(ctx, { ...secret, versions: prune([...others, added]), lastChangedMs: now });
  return { ...out, VersionStages: [...stages] };
}

function prune(versions: SecretVersion[]): SecretVersion[] {
  let unlabelled = versions.filter((v) => v.stages.length === 0).length;
  return versions.filter((v) => {
    if (v.stages.length > 0 || unlabelled <= MAX_VERSIONS) return true;
    unlabelled--;
    return false;
  });
}
