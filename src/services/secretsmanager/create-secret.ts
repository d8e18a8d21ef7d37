/**
 * CreateSecret: reads and checks the input (name, value, description, KMS
 * key id, tags, ClientRequestToken), then creates the secret under the ARN
 * chosen when the call was planned (so the call is authorized on the ARN
 * it gets). A value makes a first version labelled `AWSCURRENT`; an
 * existing name is `ResourceExistsException`.
 */
import type { ServiceContext } from "../context.js";
import { newSecretArn } from "./arn.js";
import { invalidParameter, invalidRequest, resourceExists } from "./errors.js";
import { type Input, optionalString, requiredString } from "./input.js";
import { findSecret, saveSecret } from "./lookup.js";
import { AWSCURRENT, type Secret, type SecretTag } from "./model.js";
import { readSecretValue, type SecretValue } from "./secret-value.js";
import { readTags } from "./tags.js";
import { versionIdOf } from "./version-id.js";

/** A checked CreateSecret request. */
export interface CreateSecretRequest {
  readonly name: string;
  readonly arn: string;
  readonly description?: string;
  readonly kmsKeyId?: string;
  readonly tags: readonly SecretTag[];
  readonly value?: SecretValue;
  readonly versionId: string;
}

const NAME = /^[A-Za-z0-9/_+=.@-]+$/;

/**
 * Reads CreateSecret's input and picks the new secret's ARN.
 *
 * @example
 * readCreateSecret(ctx, { Name: "db", SecretString: "x" }).arn; // "arn:aws:secretsmanager:…:secret:db-AbC123"
 */
export function readCreateSecret(ctx: ServiceContext, input: Input): CreateSecretRequest {
  const name = requiredString(input, "Name", 1, 512);
  if (!NAME.test(name)) {
    throw invalidParameter(
      "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!",
    );
  }
  const description = optionalString(input, "Description", 0, 2048);
  const kmsKeyId = optionalString(input, "KmsKeyId", 0, 2048);
  const value = readSecretValue(input);
  return {
    name,
    arn: newSecretArn(ctx, name),
    ...(description === undefined ? {} : { description }),
    ...(kmsKeyId === undefined ? {} : { kmsKeyId }),
    tags: readTags(input),
    ...(value === undefined ? {} : { value }),
    versionId: versionIdOf(ctx, input),
  };
}

/**
 * Creates the secret.
 *
 * @example
 * createSecret(ctx, readCreateSecret(ctx, { Name: "db", SecretString: "x" })); // { ARN, Name, VersionId }
 */
export function createSecret(ctx: ServiceContext, request: CreateSecretRequest): object {
  const existing = findSecret(ctx, request.name);
  if (existing !== undefined) {
    if (existing.deletionDateMs !== undefined) {
      throw invalidRequest(
        "You can't create this secret because a secret with this name is already scheduled for deletion.",
      );
    }
    throw resourceExists(`The operation failed because the secret ${request.name} already exists.`);
  }
  const now = ctx.clock();
  const { value } = request;
  const secret: Secret = {
    arn: request.arn,
    name: request.name,
    ...(request.description === undefined ? {} : { description: request.description }),
    ...(request.kmsKeyId === undefined ? {} : { kmsKeyId: request.kmsKeyId }),
    tags: request.tags,
    versions:
      value === undefined
        ? []
        : [{ versionId: request.versionId, ...value, stages: [AWSCURRENT], createdMs: now }],
    createdMs: now,
    lastChangedMs: now,
  };
  saveSecret(ctx, secret);
  return {
    ARN: secret.arn,
    Name: secret.name,
    ...(value === undefined ? {} : { VersionId: request.versionId }),
  };
}
