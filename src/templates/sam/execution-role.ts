/**
 * The execution role the SAM transform generates for a function without a
 * `Role`: `<LogicalId>Role`, an `AWS::IAM::Role` that Lambda may assume
 * (or the function's `AssumeRolePolicyDocument`), with
 * `AWSLambdaBasicExecutionRole`, `AWSLambdaVPCAccessExecutionRole` when the
 * function has a `VpcConfig`, the managed policies its event sources need,
 * and its `Policies`; `PermissionsBoundary` and `RolePath` carried over.
 * Every generated node sits at the function's position.
 */
import { type JsonEntry, type JsonNode, jsonNodeFromValue } from "../../formats/json-tree.js";
import type { SourcePosition } from "../../formats/position.js";
import { managedPolicyArn } from "./managed-policy-arn.js";
import { array, member, object, stamp, text } from "./nodes.js";
import type { RolePolicies } from "./role-policies.js";

/** Lambda's trust policy as SAM writes it. */
const LAMBDA_TRUST = {
  Version: "2012-10-17",
  Statement: [
    {
      Action: ["sts:AssumeRole"],
      Effect: "Allow",
      Principal: { Service: ["lambda.amazonaws.com"] },
    },
  ],
};

/** The tag SAM puts on what it generates. */
export const SAM_TAG = { Key: "lambda:createdBy", Value: "SAM" } as const;

/** What the role is built from. */
export interface RoleInput {
  /** The merged SAM function properties. */
  readonly properties: JsonNode;
  readonly policies: RolePolicies;
  /** Managed policy names event sources add (e.g. `AWSLambdaSQSQueueExecutionRole`). */
  readonly eventPolicies: readonly string[];
  /** The function's `Condition` attribute, carried over as SAM does. */
  readonly condition?: JsonNode;
  readonly position: SourcePosition | undefined;
}

/**
 * The role resource node (the value under `<LogicalId>Role`).
 *
 * @example
 * const role = executionRole({ properties, policies, eventPolicies: [], position });
 */
export function executionRole(input: RoleInput): JsonNode {
  const { properties, position } = input;
  const names = ["AWSLambdaBasicExecutionRole"];
  if (member(properties, "VpcConfig")) names.push("AWSLambdaVPCAccessExecutionRole");
  names.push(...input.eventPolicies);
  const managed: JsonNode[] = [];
  const seen = new Set<string>();
  for (const node of [
    ...names.map((n) => text(managedPolicyArn(n), position)),
    ...input.policies.managedPolicyArns,
  ]) {
    const key = node.kind === "string" ? node.value : JSON.stringify(stripPositions(node));
    if (seen.has(key)) continue;
    seen.add(key);
    managed.push(node);
  }
  const trust =
    member(properties, "AssumeRolePolicyDocument") ??
    stamp(jsonNodeFromValue(LAMBDA_TRUST), position);
  const roleProperties = object(
    [
      ["AssumeRolePolicyDocument", trust],
      ["ManagedPolicyArns", array(managed, position)],
      [
        "Policies",
        input.policies.inlinePolicies.length > 0
          ? array(input.policies.inlinePolicies, position)
          : undefined,
      ],
      ["Path", member(properties, "RolePath")],
      ["PermissionsBoundary", member(properties, "PermissionsBoundary")],
      ["Tags", stamp(jsonNodeFromValue([SAM_TAG]), position)],
    ],
    position,
  );
  return object(
    [
      ["Type", text("AWS::IAM::Role", position)],
      ["Condition", input.condition],
      ["Properties", roleProperties],
    ],
    position,
  );
}

function stripPositions(node: JsonNode): unknown {
  if (node.kind === "object")
    return node.entries.map((e: JsonEntry) => [e.key, stripPositions(e.value)]);
  if (node.kind === "array") return node.items.map(stripPositions);
  return node.kind === "null" ? null : node.value;
}
