/**
 * What STS keeps and returns: temporary credentials (`ASIA…` key id,
 * secret, session token, expiration) and the role session they belong to,
 * with the session policy text when one was passed.
 */

/** Temporary credentials as AssumeRole returns them. */
export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** Milliseconds since the epoch. */
  readonly expiration: number;
}

/** The assumed-role user of a session (STS API `AssumedRoleUser`). */
export interface AssumedRoleUser {
  /** `AROA…:sessionName`. */
  readonly assumedRoleId: string;
  /** `arn:aws:sts::<account>:assumed-role/<role>/<session>`. */
  readonly arn: string;
}

/** A stored role session, keyed by its access key id. */
export interface Session {
  readonly credentials: Credentials;
  readonly assumedRoleUser: AssumedRoleUser;
  readonly roleArn: string;
  readonly sessionName: string;
  /** Who asked for it: a caller ARN or a service principal. */
  readonly sourcePrincipal: string;
  readonly sessionPolicy?: string;
}

/** AssumeRole's answer. */
export interface AssumeRoleResult {
  readonly credentials: Credentials;
  readonly assumedRoleUser: AssumedRoleUser;
  /** Always 0 here: accesslab does not pack session policies. */
  readonly packedPolicySize: number;
}
