/**
 * The request being authorized: who asks, for what action, on which
 * resource, with which context keys. Values only; the engine never reads a
 * clock or the network.
 */

/** A context value: one string or a list (multivalued keys such as `aws:TagKeys`). */
export type ContextValue = string | readonly string[];

/** An authorization request as the engine sees it. */
export interface AuthorizationRequest {
  /**
   * The caller: an IAM user, role, assumed-role session, federated-user or
   * account-root ARN; a service principal such as `lambda.amazonaws.com`; or
   * `anonymous`.
   */
  readonly principal: string;
  /** `service:Action`, e.g. `elasticfilesystem:ClientMount`. */
  readonly action: string;
  /** The resource ARN, or `*`. */
  readonly resource: string;
  /** The resource's account; taken from the ARN when absent. */
  readonly resourceAccount?: string;
  /** Context keys (case-insensitive names) and their values. */
  readonly context?: Readonly<Record<string, ContextValue>>;
}
