/**
 * AWS behaviours of the workload credentials endpoints that accesslab could
 * not confirm from AWS documentation, each pinned in one named constant with
 * the reasoning behind the choice. The ECS error codes follow the open
 * source ECS agent's credentials handler; the JSON key casing `{Code,
 * Message}` follows what the JS SDK's `fromHttp` parses (aws-facts D5).
 */

/**
 * How long ECS task role credentials last: 6 hours (aws-facts D1). Not
 * capped by the role's MaxSessionDuration, which limits AssumeRole API
 * callers, not credentials a service vends to a workload.
 */
export const ECS_VENDED_DURATION_SECONDS = 6 * 60 * 60;

/**
 * How long EC2 instance profile credentials last: UNCONFIRMED. AWS documents
 * that they rotate automatically and are refreshed at least five minutes
 * before expiry, not their lifetime; observed documents expire about six
 * hours after issue, so 6 hours, like ECS, is the plausible choice.
 */
export const IMDS_VENDED_DURATION_SECONDS = 6 * 60 * 60;

/**
 * An endpoint answers with the session it last vended for a registration
 * (or the instance) while more than this many seconds of it remain, and
 * issues a new one after: AWS's agents and SDKs refresh credentials before
 * they expire (the SDKs 5 minutes ahead, the ECS agent earlier), so polling
 * clients see the same credentials for hours instead of growing the store
 * with a new session on every request. 15 minutes is accesslab's choice.
 */
export const REUSE_MIN_REMAINING_SECONDS = 15 * 60;

/**
 * Unknown container credentials id: the ECS agent answers 400
 * `InvalidIdInRequest` "CredentialsV2Request: Credentials not found".
 * Unconfirmed against a live agent; taken from its source.
 */
export const UNKNOWN_ID = {
  status: 400,
  code: "InvalidIdInRequest",
  message: "CredentialsV2Request: Credentials not found",
} as const;

/** No id after `/v2/credentials/`: the ECS agent's 400 `NoIdInRequest`. Unconfirmed live. */
export const NO_ID = {
  status: 400,
  code: "NoIdInRequest",
  message: "CredentialsV2Request: No Credential ID in the request",
} as const;

/**
 * Missing or wrong `Authorization` header on a registration that requires a
 * token (the FULL_URI form). AWS's agents for this form (EKS Pod Identity,
 * Greengrass) are not documented here; 401 with a named code is the most
 * plausible. Unconfirmed.
 */
export const BAD_AUTHORIZATION = {
  status: 401,
  code: "Unauthorized",
  message: "the `Authorization` header is missing or does not match the registration's token",
} as const;

/**
 * The task role does not trust `ecs-tasks.amazonaws.com`. Real ECS refuses
 * such a task at launch; for an already registered id, 403 `AccessDenied`
 * with the trust refusal is the plausible answer. Unconfirmed.
 */
export const CONTAINER_TRUST_REFUSED = { status: 403, code: "AccessDenied" } as const;

/**
 * The instance role does not trust `ec2.amazonaws.com`: the IAM User Guide
 * ("Troubleshoot IAM and Amazon EC2") says the credentials document then
 * indicates `"Code":"AssumeRoleUnauthorizedAccess"`. That it is served with
 * status 200 (a document, not an HTTP error) is assumed.
 */
export const INSTANCE_TRUST_REFUSED = {
  status: 200,
  code: "AssumeRoleUnauthorizedAccess",
} as const;

/**
 * Whether IMDSv1 (GETs without a session token) is allowed when the
 * instance profile does not say: off, as EC2's `HttpTokens: required`, the
 * default for new instance types and the secure choice.
 */
export const IMDS_V1_ALLOWED_BY_DEFAULT = false;
