/**
 * Change sets as the CloudFormation query protocol renders them:
 * DescribeChangeSet's answer (ids, names, status and reason, execution
 * status, parameters, capabilities, and each change as a `Change` of type
 * `Resource` with its `ResourceChange`), ListChangeSets' `ChangeSetSummary`
 * and GetTemplateSummary's `ParameterDeclaration`, with the member names
 * of the CloudFormation API model that the SDK parses.
 */
import type { ChangeSet } from "../../services/cloudformation/change-set-model.js";
import type { ResourceChange } from "../../services/cloudformation/resource-changes.js";
import type { ParameterDeclaration } from "../../services/cloudformation/template-summary.js";

function changeShape(c: ResourceChange): Record<string, unknown> {
  return {
    Type: "Resource",
    ResourceChange: {
      Action: c.action,
      LogicalResourceId: c.logicalId,
      ...(c.physicalId === undefined ? {} : { PhysicalResourceId: c.physicalId }),
      ResourceType: c.type,
      ...(c.replacement === undefined ? {} : { Replacement: c.replacement }),
      Scope: c.action === "Modify" ? ["Properties"] : [],
      Details: [],
    },
  };
}

/**
 * A change set as ListChangeSets answers it.
 *
 * @example
 * changeSetSummaryShape(cs).ExecutionStatus; // "AVAILABLE"
 */
export function changeSetSummaryShape(cs: ChangeSet): Record<string, unknown> {
  return {
    StackId: cs.stackId,
    StackName: cs.stackName,
    ChangeSetId: cs.changeSetId,
    ChangeSetName: cs.changeSetName,
    ExecutionStatus: cs.executionStatus,
    Status: cs.status,
    ...(cs.statusReason === undefined ? {} : { StatusReason: cs.statusReason }),
    CreationTime: new Date(cs.creationTimeMs),
    ...(cs.description === undefined ? {} : { Description: cs.description }),
  };
}

/**
 * A change set as DescribeChangeSet answers it.
 *
 * @example
 * changeSetShape(cs).Changes; // [{ Type: "Resource", ResourceChange: { Action: "Add", … } }]
 */
export function changeSetShape(cs: ChangeSet): Record<string, unknown> {
  return {
    ...changeSetSummaryShape(cs),
    Parameters: Object.entries(cs.parameters).map(([k, v]) => ({
      ParameterKey: k,
      ParameterValue: v,
    })),
    Capabilities: [...cs.capabilities],
    Changes: cs.changes.map(changeShape),
  };
}

/**
 * A declared parameter as GetTemplateSummary answers it.
 *
 * @example
 * parameterDeclarationShape({ key: "Env", type: "String" }); // { ParameterKey: "Env", ParameterType: "String", NoEcho: false }
 */
export function parameterDeclarationShape(p: ParameterDeclaration): Record<string, unknown> {
  return {
    ParameterKey: p.key,
    ...(p.defaultValue === undefined ? {} : { DefaultValue: p.defaultValue }),
    ParameterType: p.type,
    NoEcho: false,
    ...(p.description === undefined ? {} : { Description: p.description }),
  };
}
