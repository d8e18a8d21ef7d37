/**
 * Choices the IAM policy simulator makes where AWS's documentation does not
 * say what it does. Each is one named constant so a test against real AWS
 * can correct it in one place.
 */

/**
 * The caller SimulateCustomPolicy acts as when no `CallerArn` is given.
 * AWS simulates "as a user" without naming one (UNCONFIRMED); an IAM user
 * of the account keeps identity policies in force, as AWS does.
 *
 * @example
 * defaultSimulationCaller("000000000000"); // "arn:aws:iam::000000000000:user/accesslab-simulated-caller"
 */
export const defaultSimulationCaller = (account: string): string =>
  `arn:aws:iam::${account}:user/accesslab-simulated-caller`;

/**
 * With `ResourceArns`, one evaluation result per action and resource, each
 * carrying its one `ResourceSpecificResults` entry (UNCONFIRMED: AWS may
 * group the resources of one action under a single result; `false` does
 * that, with the strictest decision on `*` and every resource's own result
 * in `ResourceSpecificResults`).
 */
export const ONE_RESULT_PER_RESOURCE = true;

/**
 * `SourcePolicyType` of the policies given in the request, and
 * `SourcePolicyId` prefixes (AWS's documented example shows
 * `PolicyInputList.1` / `IAM Policy`; the boundary and resource-policy
 * names are UNCONFIRMED).
 */
export const INPUT_POLICY_TYPE = "IAM Policy";
/** `SourcePolicyType` and `SourcePolicyId` of the simulated resource policy (UNCONFIRMED). */
export const RESOURCE_POLICY_SOURCE = { id: "ResourcePolicy", type: "resource" } as const;

/**
 * Keys of `EvalDecisionDetails`, given when a resource policy is simulated:
 * the decision of the identity side alone and of the resource policy alone
 * (UNCONFIRMED key names).
 */
export const DECISION_DETAIL_KEYS = {
  identity: "IAM Policy",
  resource: "Resource Policy",
} as const;

/** How many permissions boundary policies one simulation takes (the engine holds one). */
export const MAX_BOUNDARY_POLICIES = 1;
