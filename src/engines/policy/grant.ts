/**
 * Whether the policies that can grant (identity, resource, boundary,
 * session) together allow a request that no explicit deny or guardrail
 * stopped. Same account: identity OR resource policy, with how the resource
 * policy names the caller deciding what limits it; across accounts: both
 * sides. Role trust and KMS key policies must grant explicitly.
 */
import type { Arn } from "./arn.js";
import type { Caller } from "./caller.js";
import type { StatementTrace } from "./decision.js";
import { POLICY_KIND_LABEL, type PolicyKind } from "./policy-kind.js";
import type { AuthorizationRequest } from "./request.js";
import { stsRefusal } from "./sts-callers.js";

/** The Allow statements of one policy kind (or one organization level) that applied; denies are read from the trace. */
export interface KindResult {
  readonly allows: StatementTrace[];
}

/** What the granting policies say. */
export interface GrantInput {
  readonly caller: Caller;
  readonly request: AuthorizationRequest;
  readonly resourceArn: Arn | undefined;
  readonly resource: KindResult | undefined;
  readonly identity: KindResult;
  readonly boundary: KindResult | undefined;
  readonly session: KindResult | undefined;
  /** See `WILDCARD_GRANT_IS_DIRECT` in assumptions.ts. */
  readonly wildcardIsDirect: boolean;
}

/** A grant: the statements that made it and a sentence saying why. */
export interface Grant {
  readonly kind: "granted";
  readonly statements: readonly StatementTrace[];
  readonly reason: string;
}

/** An implicit deny: which policy kind lacked an allow and why. */
export interface Denial {
  readonly kind: "denied";
  readonly deniedBy: PolicyKind;
  readonly reason: string;
}

const granted = (statements: readonly StatementTrace[], reason: string): Grant => ({
  kind: "granted",
  statements,
  reason,
});
const denied = (deniedBy: PolicyKind, reason: string): Denial => ({
  kind: "denied",
  deniedBy,
  reason,
});

/**
 * Decides the grant.
 *
 * @example
 * grantOrDeny(input).kind; // "granted" | "denied"
 */
export function grantOrDeny(g: GrantInput): Grant | Denial {
  const { caller, request } = g;
  const resourceAllows = g.resource?.allows ?? [];
  const mode = resourceMode(request.action, g.resourceArn);
  const resourceKind: PolicyKind = mode === "trust" ? "trust" : "resource";
  const label = POLICY_KIND_LABEL[resourceKind];
  if (caller.kind === "anonymous" || caller.kind === "service" || caller.kind === "unknown") {
    const grants = resourceAllows.filter(
      (v) => v.principalMatch === "wildcard" || v.principalMatch === "specific",
    );
    return grants.length > 0
      ? granted(grants, `the ${label} allows \`${caller.raw}\``)
      : denied(
          resourceKind,
          `no ${label} statement allows \`${caller.raw}\` to perform \`${request.action}\``,
        );
  }
  const refusedBySts = stsRefusal(caller, request.action);
  if (refusedBySts) return denied(resourceKind, refusedBySts);
  const boundaryOk = !g.boundary || g.boundary.allows.length > 0;
  const sessionOk = !g.session || g.session.allows.length > 0;
  const limitsOk = boundaryOk && sessionOk;
  const isRoot = caller.kind === "root";
  // GetFederationToken: a federated user session without a session policy has no identity permissions.
  const federatedWithoutSession = caller.kind === "federated-user" && !g.session;
  const identityAllows = isRoot || federatedWithoutSession ? [] : g.identity.allows;
  const identitySide = isRoot || (identityAllows.length > 0 && limitsOk);
  const identityDenial = (): Denial => {
    if (federatedWithoutSession) {
      return denied(
        "session",
        "a federated user session without a session policy has no identity-based permissions",
      );
    }
    if (identityAllows.length === 0)
      return denied("identity", `no identity-based policy allows \`${request.action}\``);
    if (!boundaryOk)
      return denied("boundary", `the permissions boundary does not allow \`${request.action}\``);
    return denied("session", `the session policy does not allow \`${request.action}\``);
  };
  const direct = resourceAllows.filter((v) => {
    // Role trust: a principal named in the trust policy still needs its permissions boundary to
    // allow sts:AssumeRole (IAM User Guide, "Update a role trust policy").
    if (v.principalMatch === "specific") return mode !== "trust" || boundaryOk;
    if (v.principalMatch === "wildcard") return g.wildcardIsDirect || limitsOk;
    return v.principalMatch === "role" && limitsOk;
  });
  const byAccount = resourceAllows.filter((v) => v.principalMatch === "account");
  const resourceAccount =
    request.resourceAccount ?? (g.resourceArn?.account || undefined) ?? caller.account;

  if (resourceAccount !== caller.account) {
    if (!identitySide) return identityDenial();
    if (resourceAllows.length === 0) {
      return denied(
        resourceKind,
        `cross-account request: no ${label} in account ${resourceAccount} allows \`${caller.raw}\``,
      );
    }
    return granted(
      [...resourceAllows, ...identityAllows],
      `cross-account request allowed by both the ${label} and the caller's identity-based policy`,
    );
  }
  if (direct.length > 0) return granted(direct, `the ${label} allows \`${caller.raw}\``);
  if (mode !== "normal") {
    if (byAccount.length > 0 && identitySide) {
      return granted(
        [...byAccount, ...identityAllows],
        `the ${label} trusts the account and an identity-based policy allows the request`,
      );
    }
    if (byAccount.length > 0) return identityDenial();
    if (
      mode === "trust" &&
      !boundaryOk &&
      resourceAllows.some((v) => v.principalMatch === "specific")
    ) {
      return denied(
        "boundary",
        `the ${label} names \`${caller.raw}\`, but its permissions boundary does not allow \`${request.action}\``,
      );
    }
    return denied(
      resourceKind,
      `the ${label} must allow \`${caller.raw}\` explicitly and does not`,
    );
  }
  if (identitySide) {
    const statements = [
      ...identityAllows,
      ...(g.boundary?.allows ?? []),
      ...(g.session?.allows ?? []),
    ];
    return granted(
      statements,
      isRoot
        ? "the account root user has full access to its own account"
        : "an identity-based policy allows the request",
    );
  }
  if (resourceAllows.some((v) => v.principalMatch === "role")) {
    return boundaryOk
      ? denied(
          "session",
          "the resource-based policy names the role, and the session policy does not allow the request",
        )
      : denied(
          "boundary",
          "the resource-based policy names the role, and the permissions boundary does not allow the request",
        );
  }
  return identityDenial();
}

/** Role trust policies (sts:* on a role) and KMS key policies must grant explicitly. */
function resourceMode(action: string, arn: Arn | undefined): "normal" | "trust" | "key" {
  if (
    arn?.service === "iam" &&
    arn.resource.startsWith("role/") &&
    action.toLowerCase().startsWith("sts:")
  )
    return "trust";
  if (arn?.service === "kms" && arn.resource.startsWith("key/")) return "key";
  return "normal";
}
