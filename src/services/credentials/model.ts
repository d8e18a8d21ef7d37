/**
 * What the credentials service keeps: container credential registrations
 * (an id bound to an ECS task role, as the ECS agent keeps them for
 * `/v2/credentials/<id>`) and the local instance's profile (the role EC2's
 * instance metadata service vends). Both are plain JSON records in the
 * store, read on every request so a running server sees new registrations.
 */

/** An ECS container credentials id and what it vends. */
export interface ContainerRegistration {
  /** A uuid, the last segment of `/v2/credentials/<id>`. */
  readonly id: string;
  readonly roleArn: string;
  /** The task id; also the role session name. */
  readonly taskId: string;
  readonly taskArn: string;
  readonly cluster: string;
  /** Required in the `Authorization` header when present (the FULL_URI form). */
  readonly authorizationToken?: string;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
}

/** The emulated instance's profile, as IMDS serves it. */
export interface InstanceProfile {
  readonly roleArn: string;
  /** The role name IMDS lists under `iam/security-credentials/`. */
  readonly roleName: string;
  /** `i-` and 17 hex digits; also the role session name. */
  readonly instanceId: string;
  /** Whether GETs without an IMDSv2 token are answered (EC2's `HttpTokens: optional`). */
  readonly imdsV1Allowed: boolean;
  readonly createdAt: number;
}

/** Role credentials as the endpoints vend them. */
export interface VendedCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** Milliseconds since the epoch. */
  readonly expiration: number;
  readonly roleArn: string;
  /** The assumed-role session ARN. */
  readonly arn: string;
}
