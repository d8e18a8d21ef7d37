/**
 * Authorizes an NFS client's connection: ClientMount, ClientWrite and
 * ClientRootAccess, each decided by the policy engine from the file system
 * policy (or the default policy) unioned with the caller's identity
 * policies, with the condition keys EFS sets for NFS clients (aws-facts B5).
 */
import type { Decision } from "../../engines/policy/decision.js";
import { authorize, compilePolicySet } from "../../engines/policy/evaluate.js";
import { parsePolicy } from "../../engines/policy/parse.js";
import type { NamedPolicy } from "../../engines/policy/policy-set.js";
import type { IamCaller } from "./client-caller.js";
import { DEFAULT_FILE_SYSTEM_POLICY_DOCUMENT } from "./default-policy.js";
import type { AccessPoint, FileSystem } from "./model.js";

/** The three client actions EFS authorizes at connection time. */
export const CLIENT_ACTIONS = ["ClientMount", "ClientWrite", "ClientRootAccess"] as const;

/** One of {@link CLIENT_ACTIONS}. */
export type ClientAction = (typeof CLIENT_ACTIONS)[number];

/** How the client reached the file system. */
export interface ConnectionFacts {
  /** The IAM caller (mount helper `iam` option), or undefined for an anonymous client. */
  readonly caller?: IamCaller;
  readonly tls: boolean;
  readonly viaMountTarget: boolean;
  readonly sourceIp: string;
}

/** The decisions for the three client actions. */
export type ClientGrants = Readonly<Record<ClientAction, Decision>>;

/**
 * Decides the three client actions for one connection.
 *
 * @example
 * const grants = authorizeClient(fs, accessPoint, { tls: true, viaMountTarget: true, sourceIp: "10.0.1.5" });
 * grants.ClientMount.decision; // "Allowed" under the default policy
 */
export function authorizeClient(
  fs: FileSystem,
  accessPoint: AccessPoint | undefined,
  facts: ConnectionFacts,
): ClientGrants {
  const set = compilePolicySet({
    resourcePolicy: fileSystemPolicy(fs),
    identityPolicies: facts.caller?.identityPolicies ?? [],
    ...(facts.caller?.permissionsBoundary
      ? { permissionsBoundary: facts.caller.permissionsBoundary }
      : {}),
    ...(facts.caller?.sessionPolicy ? { sessionPolicy: facts.caller.sessionPolicy } : {}),
  });
  const context: Record<string, string> = {
    "aws:SecureTransport": String(facts.tls),
    "elasticfilesystem:AccessedViaMountTarget": String(facts.viaMountTarget),
    "aws:SourceIp": facts.sourceIp,
  };
  if (accessPoint) context["elasticfilesystem:AccessPointArn"] = accessPoint.accessPointArn;
  const decide = (action: ClientAction) =>
    authorize(set, {
      principal: facts.caller?.principal ?? "anonymous",
      action: `elasticfilesystem:${action}`,
      resource: fs.arn,
      context,
    });
  return {
    ClientMount: decide("ClientMount"),
    ClientWrite: decide("ClientWrite"),
    ClientRootAccess: decide("ClientRootAccess"),
  };
}

/** The policy in force on a file system: its own, or the default. */
export function fileSystemPolicy(fs: FileSystem): NamedPolicy {
  if (fs.policy === undefined)
    return { name: "default file system policy", document: DEFAULT_FILE_SYSTEM_POLICY_DOCUMENT };
  const { policy } = parsePolicy(fs.policy);
  // A stored policy was validated by PutFileSystemPolicy; an unreadable one grants nothing.
  return { name: "file system policy", document: policy ?? { statements: [] } };
}
