/**
 * Reading one `{{resolve:secretsmanager:…}}` reference as CloudFormation
 * does while it creates the resource that holds it: a GetSecretValue by the
 * deploying principal (the service role's session, else the caller),
 * decided by the policy engine over that principal's policies together
 * with the secret's resource policy and Secrets Manager's condition keys
 * (`secretsmanager:SecretId`, `secretsmanager:VersionStage`, the secret's
 * tags), as the Secrets Manager API decides it; so an explicit deny in the
 * secret's policy (the seed's `aws:sourceVpce` deny, which CloudFormation's
 * own call never satisfies) refuses it. Then the version (AWSCURRENT unless
 * the reference names a stage or an id) and, with a json-key, that key of
 * the SecretString's JSON object. A refusal is the `ValidationError`
 * whose message is the resource's reason, in the form CloudFormation
 * reports a dynamic reference's service error ("Secrets Manager can't
 * find the specified secret. (Service: AWSSecretsManager; Status Code:
 * 400; Error Code: ResourceNotFoundException; Request ID: …; Proxy:
 * null)"); a missing key is "Could not find a value associated with
 * JSONKey in SecretString", as CloudFormation words it. No message
 * carries a secret's value.
 */
import type { SecretsManagerReference } from "../../templates/cfn/dynamic-references-parse.js";
import type { ServiceContext } from "../context.js";
import { secretArnPrefix } from "../secretsmanager/arn.js";
import { accessDenied, secretNotFound } from "../secretsmanager/errors.js";
import { findSecret } from "../secretsmanager/lookup.js";
import { AWSCURRENT, type Secret } from "../secretsmanager/model.js";
import { secretPolicy } from "../secretsmanager/resource-policy.js";
import { getSecretValue } from "../secretsmanager/secret-versions.js";
import { resourceTagContext } from "../secretsmanager/tags.js";
import { ServiceError } from "../service-error.js";
import { randomUuid } from "../uuid.js";
import { type DeployActor, operationDenial } from "./actor.js";
import { validationError } from "./errors.js";

/**
 * CloudFormation's reason when a json-key is not in the SecretString (its
 * wording, as users report it). A SecretString that is not a JSON object
 * gets the same reason: unconfirmed, the most plausible.
 */
export const JSON_KEY_NOT_FOUND = "Could not find a value associated with JSONKey in SecretString";

/**
 * The value `reference` stands for, read as `actor`; throws the reason the resource fails with.
 *
 * @example
 * readSecretReference(ctx, { principalArn: rootArn }, { secretId: "db", jsonKey: "password" }); // "hunter2"
 */
export function readSecretReference(
  ctx: ServiceContext,
  actor: DeployActor,
  reference: SecretsManagerReference,
): string {
  const secret = findSecret(ctx, reference.secretId);
  allowRead(ctx, actor, reference, secret);
  if (secret === undefined) throw refusal(ctx, secretNotFound());
  let version: { SecretString?: string };
  try {
    version = getSecretValue(secret, {
      ...(reference.versionId === undefined ? {} : { VersionId: reference.versionId }),
      ...(reference.versionStage === undefined ? {} : { VersionStage: reference.versionStage }),
    }) as { SecretString?: string };
  } catch (error) {
    throw error instanceof ServiceError ? refusal(ctx, error) : error;
  }
  const text = version.SecretString;
  if (text === undefined)
    throw validationError(
      `secret \`${reference.secretId}\` holds a SecretBinary: a dynamic reference reads only a SecretString`,
    );
  return reference.jsonKey === undefined ? text : jsonMember(text, reference.jsonKey);
}

/** Throws Secrets Manager's `AccessDeniedException` (as the reason) unless `actor` may read the secret. */
function allowRead(
  ctx: ServiceContext,
  actor: DeployActor,
  reference: SecretsManagerReference,
  secret: Secret | undefined,
): void {
  const id = reference.secretId;
  const resource = secret?.arn ?? (id.startsWith("arn:") ? id : `${secretArnPrefix(ctx)}${id}`);
  const resourcePolicy = secret === undefined ? undefined : secretPolicy(secret);
  const stage =
    reference.versionStage ?? (reference.versionId === undefined ? AWSCURRENT : undefined);
  const denied = operationDenial(ctx, actor, "secretsmanager:GetSecretValue", resource, {
    ...(resourcePolicy ? { resourcePolicy } : {}),
    context: {
      "aws:SecureTransport": "true",
      "secretsmanager:SecretId": resource,
      ...(secret === undefined ? {} : resourceTagContext(secret.tags)),
      ...(stage === undefined ? {} : { "secretsmanager:VersionStage": stage }),
    },
  });
  if (denied !== undefined) throw refusal(ctx, accessDenied(denied));
}

/** The `key` member of the JSON object `text`, as text. */
function jsonMember(text: string, key: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw validationError(JSON_KEY_NOT_FOUND);
  if (!Object.hasOwn(parsed, key)) throw validationError(JSON_KEY_NOT_FOUND);
  const value = (parsed as Record<string, unknown>)[key];
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** A Secrets Manager error as the reason CloudFormation gives a dynamic reference it could not read. */
function refusal(ctx: ServiceContext, error: ServiceError): ServiceError {
  const detail = `Service: AWSSecretsManager; Status Code: ${error.httpStatus}; Error Code: ${error.code}; Request ID: ${randomUuid(ctx.random)}; Proxy: null`;
  return validationError(`${error.message} (${detail})`);
}
