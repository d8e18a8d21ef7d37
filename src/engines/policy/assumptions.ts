/**
 * Evaluation choices where AWS documentation is silent or unclear. Each is
 * one named constant so that it can be found, discussed and changed in one
 * place; docs/policy-engine.md lists them with their reasoning.
 */

/**
 * RCPs restrict requests made by AWS service principals too. The AWS KMS
 * guide's RCP examples ("RCPEnforceConfusedDeputyProtection") constrain
 * service principals with `aws:SourceAccount`, which only makes sense if
 * RCPs are evaluated for them. SCPs, by contrast, apply only to principals
 * of the organization's accounts.
 */
export const RCPS_APPLY_TO_SERVICE_PRINCIPALS = true;

/**
 * UNCONFIRMED: a same-account resource policy that grants to `"*"` (or
 * `{"AWS": "*"}`) is limited by an implicit deny in the caller's permissions
 * boundary and session policy, like one naming the role. The session-policy
 * guide exempts only grants that "specify the ARN of the session"; `"*"`
 * specifies no ARN. (`@cloud-copilot/iam-simulate` decides the same way.)
 */
export const WILDCARD_GRANT_IS_DIRECT = false;
