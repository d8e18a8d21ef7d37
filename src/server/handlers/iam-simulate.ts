/**
 * SimulateCustomPolicy and SimulatePrincipalPolicy over the query protocol:
 * the request's member lists (`PolicyInputList.member.N`,
 * `ContextEntries.member.N.ContextKeyValues.member.M`, …) read into the
 * simulator's input, and its results shaped as the IAM API's
 * `EvaluationResults` (`MatchedStatements`, `MissingContextValues`,
 * `EvalDecisionDetails` as an entry map, `PermissionsBoundaryDecisionDetail`,
 * `ResourceSpecificResults`), member names as the SDK reads them.
 */
import { type QueryParams, structList } from "../../protocol/query.js";
import type { Page } from "../../services/iam/pagination.js";
import type {
  EvaluationResult,
  MatchedStatement,
  ResourceResult,
  SimulationInput,
} from "../../services/iam/simulate.js";
import { optional, pageRequest } from "./query-input.js";

const strings = (params: QueryParams, name: string): string[] =>
  structList(params, name, "member", (p) => params.get(p)).filter(
    (v): v is string => v !== undefined,
  );

/**
 * The simulator input both operations share.
 *
 * @example
 * simulationInput(params).actionNames; // ["s3:GetObject"]
 */
export function simulationInput(params: QueryParams): SimulationInput {
  const resourceArns = strings(params, "ResourceArns");
  return {
    policyInputList: strings(params, "PolicyInputList"),
    permissionsBoundaryPolicyInputList: strings(params, "PermissionsBoundaryPolicyInputList"),
    actionNames: strings(params, "ActionNames"),
    ...(resourceArns.length > 0 ? { resourceArns } : {}),
    ...optional(params, "ResourcePolicy", "resourcePolicy"),
    ...optional(params, "ResourceOwner", "resourceOwner"),
    ...optional(params, "CallerArn", "callerArn"),
    contextEntries: structList(params, "ContextEntries", "member", (p) => ({
      contextKeyName: params.get(`${p}.ContextKeyName`) ?? "",
      contextKeyValues: strings(params, `${p}.ContextKeyValues`),
      contextKeyType: params.get(`${p}.ContextKeyType`) ?? "string",
    })),
    ...pageRequest(params),
  };
}

const statementShape = (s: MatchedStatement) => ({
  SourcePolicyId: s.sourcePolicyId,
  SourcePolicyType: s.sourcePolicyType,
  StartPosition: s.startPosition && { Line: s.startPosition.line, Column: s.startPosition.column },
  EndPosition: s.endPosition && { Line: s.endPosition.line, Column: s.endPosition.column },
});

const detailShapes = (r: ResourceResult) => ({
  MatchedStatements: r.matchedStatements.map(statementShape),
  MissingContextValues: r.missingContextValues,
  EvalDecisionDetails: r.evalDecisionDetails && new Map(Object.entries(r.evalDecisionDetails)),
  PermissionsBoundaryDecisionDetail:
    r.allowedByPermissionsBoundary === undefined
      ? undefined
      : { AllowedByPermissionsBoundary: r.allowedByPermissionsBoundary },
});

/**
 * The `SimulatePolicyResponse` members for one page of results.
 *
 * @example
 * simulationShape(page).EvaluationResults[0]?.EvalDecision; // "allowed"
 */
export function simulationShape(page: Page<EvaluationResult>) {
  return {
    EvaluationResults: page.items.map((r) => ({
      EvalActionName: r.evalActionName,
      EvalResourceName: r.evalResourceName,
      EvalDecision: r.decision,
      ...detailShapes(r),
      ResourceSpecificResults: r.resourceSpecificResults?.map((s) => ({
        EvalResourceName: s.evalResourceName,
        EvalResourceDecision: s.decision,
        ...detailShapes(s),
      })),
    })),
    IsTruncated: page.isTruncated,
    Marker: page.marker,
  };
}
