/**
 * The JSON documents the endpoints answer: the ECS container credentials
 * document `{AccessKeyId, SecretAccessKey, Token, Expiration, RoleArn}`
 * (aws-facts D1, D5) and the IMDS credentials document `{Code, LastUpdated,
 * Type, AccessKeyId, SecretAccessKey, Token, Expiration}` (D9). Times are
 * RFC 3339 in UTC without fractional seconds, as AWS writes them.
 */
import type { VendedCredentials } from "./model.js";

/**
 * RFC 3339 UTC, whole seconds.
 *
 * @example
 * rfc3339(0); // "1970-01-01T00:00:00Z"
 */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The ECS container credentials document. */
export interface ContainerCredentialsDocument {
  readonly AccessKeyId: string;
  readonly SecretAccessKey: string;
  readonly Token: string;
  readonly Expiration: string;
  readonly RoleArn: string;
}

/**
 * The ECS document for vended credentials.
 *
 * @example
 * containerDocument(creds).RoleArn; // "arn:aws:iam::000000000000:role/task"
 */
export function containerDocument(c: VendedCredentials): ContainerCredentialsDocument {
  return {
    AccessKeyId: c.accessKeyId,
    SecretAccessKey: c.secretAccessKey,
    Token: c.sessionToken,
    Expiration: rfc3339(c.expiration),
    RoleArn: c.roleArn,
  };
}

/** The IMDS credentials document, or its refusal form. */
export type InstanceCredentialsDocument =
  | {
      readonly Code: "Success";
      readonly LastUpdated: string;
      readonly Type: "AWS-HMAC";
      readonly AccessKeyId: string;
      readonly SecretAccessKey: string;
      readonly Token: string;
      readonly Expiration: string;
    }
  | { readonly Code: string; readonly LastUpdated: string; readonly Message: string };

/**
 * The IMDS document for vended credentials, issued at `now`.
 *
 * @example
 * instanceDocument(creds, Date.now()).Code; // "Success"
 */
export function instanceDocument(c: VendedCredentials, now: number): InstanceCredentialsDocument {
  return {
    Code: "Success",
    LastUpdated: rfc3339(now),
    Type: "AWS-HMAC",
    AccessKeyId: c.accessKeyId,
    SecretAccessKey: c.secretAccessKey,
    Token: c.sessionToken,
    Expiration: rfc3339(c.expiration),
  };
}
