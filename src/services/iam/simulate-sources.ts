/**
 * The policies one simulation evaluates, each with the `SourcePolicyId`
 * and `SourcePolicyType` the simulator reports for its statements and the
 * text its positions refer to: policies given in the request
 * (`PolicyInputList.N`, validated as IAM validates them, so a malformed one
 * is `MalformedPolicyDocument` with its position) and the stored policies
 * of a user or role (its inline policies, the default versions of its
 * attached managed policies, its permissions boundary).
 */
import type { PolicyDocument } from "../../engines/policy/ast.js";
import { parseCaller } from "../../engines/policy/caller.js";
import { parsePolicy } from "../../engines/policy/parse.js";
import type { PolicyKind } from "../../engines/policy/policy-kind.js";
import type { IamContext } from "./context.js";
import { IamError, noSuchRole, noSuchUser } from "./errors.js";
import { findManagedPolicy } from "./managed-policies.js";
import type { Role, User } from "./model.js";
import { checkPolicyDocument } from "./policy-document.js";
import { principalEntity } from "./principal-policies.js";

/** One policy of a simulation. */
export interface PolicySource {
  readonly id: string;
  readonly type: string;
  readonly text: string;
  readonly document: PolicyDocument;
}

/**
 * Validates and parses the policies of one request list (`PolicyInputList`, …).
 *
 * @example
 * inputPolicies(['{"Version":"2012-10-17","Statement":[]}'], "PolicyInputList", "identity", "IAM Policy")[0]?.id;
 * // "PolicyInputList.1"
 */
export function inputPolicies(
  texts: readonly string[],
  list: string,
  kind: PolicyKind,
  type: string,
): PolicySource[] {
  return texts.map((text, i) => {
    checkPolicyDocument(text, kind, `${list}.${i + 1}`);
    return source(`${list}.${i + 1}`, type, text);
  });
}

/**
 * The stored identity policies and boundary of the user or role `arn`.
 *
 * @example
 * principalSources(ctx, "arn:aws:iam::000000000000:role/app").identity.map((p) => p.id); // ["inline-1", "ReadOnly"]
 */
export function principalSources(
  ctx: IamContext,
  arn: string,
): { identity: PolicySource[]; boundary?: PolicySource } {
  const entity = entityOf(ctx, arn);
  const inlineType = "roleName" in entity ? "role" : "user";
  const identity: PolicySource[] = Object.entries(entity.inlinePolicies)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, text]) => source(name, inlineType, text));
  for (const policyArn of entity.attachedPolicyArns) {
    const managed = managedSource(ctx, policyArn);
    if (managed) identity.push(managed);
  }
  const boundaryArn = entity.permissionsBoundaryArn;
  const boundary = boundaryArn === undefined ? undefined : managedSource(ctx, boundaryArn);
  return boundary ? { identity, boundary } : { identity };
}

function entityOf(ctx: IamContext, arn: string): User | Role {
  const caller = parseCaller(arn);
  const isRole = caller.kind === "role-session" && arn === caller.roleArn;
  if (caller.kind !== "user" && !isRole) {
    throw new IamError(
      "InvalidInput",
      400,
      `Invalid PolicySourceArn \`${arn}\`: expected the ARN of an IAM user or role.`,
    );
  }
  const entity = principalEntity(ctx, arn);
  if (entity !== undefined && entity.arn === arn) return entity;
  const name = arn.slice(arn.lastIndexOf("/") + 1);
  throw isRole ? noSuchRole(name) : noSuchUser(name);
}

function managedSource(ctx: IamContext, arn: string): PolicySource | undefined {
  const policy = findManagedPolicy(ctx, arn);
  const text = policy?.versions.find((v) => v.versionId === policy.defaultVersionId)?.document;
  if (policy === undefined || text === undefined) return undefined;
  const type = arn.startsWith("arn:aws:iam::aws:") ? "aws-managed" : "user-managed";
  return source(policy.policyName, type, text);
}

function source(id: string, type: string, text: string): PolicySource {
  // Stored documents were validated when written; one that no longer parses grants nothing.
  return { id, type, text, document: parsePolicy(text).policy ?? { statements: [] } };
}
