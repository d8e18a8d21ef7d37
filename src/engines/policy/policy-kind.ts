/**
 * The kinds of policy AWS evaluates, as named in the IAM User Guide's
 * evaluation logic. The kind decides which elements a policy must and may
 * carry and how its statements take part in a decision.
 */

/** Every policy kind the engine knows. */
export const POLICY_KINDS = [
  "identity",
  "resource",
  "trust",
  "scp",
  "rcp",
  "endpoint",
  "boundary",
  "session",
] as const;

/** One of {@link POLICY_KINDS}. */
export type PolicyKind = (typeof POLICY_KINDS)[number];

/** Type guard for {@link PolicyKind}. */
export function isPolicyKind(value: string): value is PolicyKind {
  return (POLICY_KINDS as readonly string[]).includes(value);
}

/** Human names used in explanations and AWS-style denial messages. */
export const POLICY_KIND_LABEL: Record<PolicyKind, string> = {
  identity: "identity-based policy",
  resource: "resource-based policy",
  trust: "role trust policy",
  scp: "service control policy",
  rcp: "resource control policy",
  endpoint: "VPC endpoint policy",
  boundary: "permissions boundary",
  session: "session policy",
};
