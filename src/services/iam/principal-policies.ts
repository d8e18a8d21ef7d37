/**
 * The policies IAM attaches to a caller, gathered for the policy engine:
 * for a user, a role or a role session, its inline policies and the
 * default versions of its attached managed policies (identity policies),
 * and its permissions boundary. Session policies belong to a session's
 * credentials and are added by STS. Root, service principals and unknown
 * principals carry none.
 */
import { parseCaller } from "../../engines/policy/caller.js";
import { parsePolicy } from "../../engines/policy/parse.js";
import type { NamedPolicy } from "../../engines/policy/policy-set.js";
import type { IamContext } from "./context.js";
import { findManagedPolicy } from "./managed-policies.js";
import type { Role, User } from "./model.js";
import { findRole } from "./roles.js";
import { findUser } from "./users.js";

/** The policies of one principal, ready for `compilePolicySet`. */
export interface PrincipalPolicies {
  /** The principal as given. */
  readonly principal: string;
  readonly identityPolicies: readonly NamedPolicy[];
  readonly permissionsBoundary?: NamedPolicy;
}

/**
 * Gathers the identity policies and boundary of a principal ARN.
 *
 * @example
 * const p = principalPolicies(ctx, "arn:aws:sts::000000000000:assumed-role/app/s1");
 * compilePolicySet({ identityPolicies: p.identityPolicies, permissionsBoundary: p.permissionsBoundary ?? null });
 */
export function principalPolicies(ctx: IamContext, principal: string): PrincipalPolicies {
  const entity = principalEntity(ctx, principal);
  if (!entity) return { principal, identityPolicies: [] };
  const identityPolicies: NamedPolicy[] = [];
  for (const [name, text] of Object.entries(entity.inlinePolicies).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  )) {
    identityPolicies.push(named(`inline policy ${name}`, text));
  }
  for (const arn of entity.attachedPolicyArns) {
    const text = defaultDocument(ctx, arn);
    if (text !== undefined) identityPolicies.push(named(arn, text));
  }
  const boundaryText =
    entity.permissionsBoundaryArn === undefined
      ? undefined
      : defaultDocument(ctx, entity.permissionsBoundaryArn);
  return {
    principal,
    identityPolicies,
    ...(boundaryText !== undefined && entity.permissionsBoundaryArn !== undefined
      ? { permissionsBoundary: named(entity.permissionsBoundaryArn, boundaryText) }
      : {}),
  };
}

/** The user or role behind a principal ARN in this account, if it exists. */
export function principalEntity(ctx: IamContext, principal: string): User | Role | undefined {
  const caller = parseCaller(principal);
  if (caller.account !== ctx.account) return undefined;
  if (caller.kind === "user" && caller.userName !== undefined) {
    const user = findUser(ctx, caller.userName);
    return user?.arn === principal ? user : undefined;
  }
  if (caller.kind === "role-session" && caller.roleName !== undefined)
    return findRole(ctx, caller.roleName);
  return undefined;
}

function defaultDocument(ctx: IamContext, arn: string): string | undefined {
  const policy = findManagedPolicy(ctx, arn);
  return policy?.versions.find((v) => v.versionId === policy.defaultVersionId)?.document;
}

function named(name: string, text: string): NamedPolicy {
  // Stored documents were validated when written; one that no longer parses grants nothing.
  return { name, document: parsePolicy(text).policy ?? { statements: [] } };
}
